using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class IssueEventConfiguration : IEntityTypeConfiguration<IssueEvent>
{
    public void Configure(EntityTypeBuilder<IssueEvent> builder)
    {
        builder.Property(e => e.Kind).HasMaxLength(32).HasDefaultValue(IssueEventKinds.Transition);
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Comment).HasMaxLength(4000);
        builder.HasIndex(e => new { e.IssueId, e.OccurredAt });

        // Analytics: an issue's first triage / resolution is looked up per issue among its transitions only.
        builder.HasIndex(e => new { e.IssueId, e.ToStatus, e.OccurredAt }).HasFilter("kind = 'transition'");
    }
}
