using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class IssueMediaConfiguration : IEntityTypeConfiguration<IssueMedia>
{
    public void Configure(EntityTypeBuilder<IssueMedia> builder)
    {
        builder.Property(m => m.StoredPath).HasMaxLength(500);
        builder.Property(m => m.ThumbnailPath).HasMaxLength(500);
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.Property(m => m.Sha256).HasMaxLength(64);
        builder.HasIndex(m => m.IssueId);
    }
}
