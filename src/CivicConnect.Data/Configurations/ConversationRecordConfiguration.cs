using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class ConversationRecordConfiguration : IEntityTypeConfiguration<ConversationRecord>
{
    public void Configure(EntityTypeBuilder<ConversationRecord> builder)
    {
        builder.Property(c => c.Channel).HasMaxLength(32);
        builder.Property(c => c.Address).HasMaxLength(200);
        builder.HasIndex(c => new { c.Channel, c.Address }).IsUnique();
        builder.Property(c => c.State).HasColumnType("jsonb");
        builder.Property(c => c.Locale).HasMaxLength(16);
        builder.Property(c => c.Version).IsRowVersion();
    }
}
