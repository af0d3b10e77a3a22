using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class DepartmentReportNoticeConfiguration : IEntityTypeConfiguration<DepartmentReportNotice>
{
    public void Configure(EntityTypeBuilder<DepartmentReportNotice> builder)
    {
        builder.HasIndex(n => new { n.DepartmentId, n.IssueId }).IsUnique();

        // What the hourly digest reads: the rows still waiting, per department, oldest first.
        builder.HasIndex(n => new { n.DepartmentId, n.RoutedAt }).HasFilter("notified_at IS NULL");
        builder.HasOne<Department>().WithMany().HasForeignKey(n => n.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.Issue).WithMany().HasForeignKey(n => n.IssueId).OnDelete(DeleteBehavior.Cascade);
    }
}
