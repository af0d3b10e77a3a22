using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.Property(m => m.Channel).HasMaxLength(32);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(200);
        builder.Property(m => m.Address).HasMaxLength(200);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.Property(m => m.LastError).HasMaxLength(2000);

        // A provider retry carries the same message id: the unique index is what makes it a no-op.
        builder.HasIndex(m => new { m.Channel, m.ProviderMessageId }).IsUnique();

        // The sweeper only ever looks at unprocessed rows.
        builder.HasIndex(m => m.ReceivedAt).HasFilter("processed_at IS NULL");
    }
}
