using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Kind).HasMaxLength(32);
        builder.Property(m => m.Channel).HasMaxLength(32);
        builder.Property(m => m.Address).HasMaxLength(200);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(200);
        builder.Property(m => m.ProviderStatus).HasMaxLength(32);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.Route).HasMaxLength(200);
        builder.Property(m => m.OrderKey).HasMaxLength(100);
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("status = 'Pending'");
        builder.HasIndex(m => m.ProviderMessageId);
        builder.HasIndex(m => new { m.ConversationId, m.Id });
        builder.HasIndex(m => new { m.OrderKey, m.Id }).HasFilter("order_key IS NOT NULL AND status = 'Pending'");
    }
}
