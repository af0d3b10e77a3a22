using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class ClassifierVersionConfiguration : IEntityTypeConfiguration<ClassifierVersion>
{
    public void Configure(EntityTypeBuilder<ClassifierVersion> builder)
    {
        builder.ToTable("classifier_versions");
        builder.Property(v => v.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Change).HasMaxLength(2000);
        builder.Property(v => v.CreatedBy).HasMaxLength(200);
        builder.Property(v => v.PublishedBy).HasMaxLength(200);
        builder.Property(v => v.PublishReason).HasMaxLength(2000);
        builder.Property(v => v.Snapshot).HasColumnType("jsonb");
        builder.HasOne<ClassifierVersion>().WithMany().HasForeignKey(v => v.BasedOnId).OnDelete(DeleteBehavior.Restrict);

        // The database itself guarantees one published version and at most one open draft,
        // whatever two supervisors (or two nodes) do at the same moment.
        builder.HasIndex(v => v.State, "ux_classifier_versions_published").IsUnique().HasFilter("state = 'Published'");
        builder.HasIndex(v => v.State, "ux_classifier_versions_draft").IsUnique().HasFilter("state = 'Draft'");
    }
}
