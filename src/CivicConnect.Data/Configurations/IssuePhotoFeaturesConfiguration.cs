using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class IssuePhotoFeaturesConfiguration : IEntityTypeConfiguration<IssuePhotoFeatures>
{
    public void Configure(EntityTypeBuilder<IssuePhotoFeatures> builder)
    {
        builder.ToTable("issue_photo_features");
        builder.HasKey(f => f.IssueMediaId);
        builder.Property(f => f.IssueMediaId).ValueGeneratedNever();
        builder.Property(f => f.Features).HasColumnType("real[]");
        builder.HasOne<IssueMedia>().WithOne().HasForeignKey<IssuePhotoFeatures>(f => f.IssueMediaId).OnDelete(DeleteBehavior.Cascade);
    }
}
