using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class HandOffConfiguration : IEntityTypeConfiguration<HandOff>
{
    public void Configure(EntityTypeBuilder<HandOff> builder)
    {
        builder.ToTable("hand_offs");
        builder.Property(h => h.Channel).HasMaxLength(32);
        builder.Property(h => h.Address).HasMaxLength(200);
        builder.Property(h => h.Locale).HasMaxLength(16);
        builder.Property(h => h.DepartmentCode).HasMaxLength(64);
        builder.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.HeldBy).HasMaxLength(200);
        builder.Property(h => h.Version).IsRowVersion();
        builder.HasOne(h => h.Conversation).WithMany().HasForeignKey(h => h.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(h => h.Lines).WithOne().HasForeignKey(l => l.HandOffId).OnDelete(DeleteBehavior.Cascade);

        // One open hand-off per conversation: a second request while one is open is the same one.
        builder.HasIndex(h => h.ConversationId).IsUnique().HasFilter("status <> 'Closed'").HasDatabaseName("ix_hand_offs_open_conversation");

        // The inbox reads only open ones.
        builder.HasIndex(h => new { h.Status, h.RequestedAt }).HasFilter("status <> 'Closed'");
    }
}
