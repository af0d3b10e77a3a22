using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class GalleryPhotoConfiguration : IEntityTypeConfiguration<GalleryPhoto>
{
    public void Configure(EntityTypeBuilder<GalleryPhoto> builder)
    {
        builder.ToTable("classifier_gallery_photos");
        builder.Property(p => p.CategoryCode).HasMaxLength(50);
        builder.Property(p => p.Features).HasColumnType("real[]");
        builder.Property(p => p.StoredPath).HasMaxLength(500);
        builder.Property(p => p.ThumbnailPath).HasMaxLength(500);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.Property(p => p.Note).HasMaxLength(500);
        builder.Property(p => p.AddedBy).HasMaxLength(200);
        builder.HasIndex(p => p.Sha256);
    }
}
