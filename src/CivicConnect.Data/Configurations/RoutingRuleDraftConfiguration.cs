using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class RoutingRuleDraftConfiguration : IEntityTypeConfiguration<RoutingRuleDraft>
{
    public void Configure(EntityTypeBuilder<RoutingRuleDraft> builder)
    {
        builder.ToTable("routing_rule_drafts");
        builder.HasIndex(d => d.Slot).IsUnique();
        builder.Property(d => d.Document).HasColumnType("jsonb");
        builder.Property(d => d.UpdatedBy).HasMaxLength(200);
        builder.Property(d => d.Comment).HasMaxLength(500);
    }
}
