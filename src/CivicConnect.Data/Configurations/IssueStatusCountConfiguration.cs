using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class IssueStatusCountConfiguration : IEntityTypeConfiguration<IssueStatusCount>
{
    public void Configure(EntityTypeBuilder<IssueStatusCount> builder)
    {
        builder.ToTable("issue_status_counts");
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);

        // The triggers' upsert target; "no department yet" (null) is one key like any other.
        builder.HasIndex(c => new { c.DepartmentId, c.Status, c.HasDeadline, c.Slot }).IsUnique().AreNullsDistinct(false);
    }
}
