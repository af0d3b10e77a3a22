using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class RoutingRuleVersionConfiguration : IEntityTypeConfiguration<RoutingRuleVersion>
{
    public void Configure(EntityTypeBuilder<RoutingRuleVersion> builder)
    {
        builder.ToTable("routing_rule_versions");
        builder.HasIndex(r => r.Version).IsUnique();
        builder.Property(r => r.Document).HasColumnType("jsonb");
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        builder.Property(r => r.Comment).HasMaxLength(500);
    }
}
