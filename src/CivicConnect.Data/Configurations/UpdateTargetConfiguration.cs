using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class UpdateTargetConfiguration : IEntityTypeConfiguration<UpdateTarget>
{
    public void Configure(EntityTypeBuilder<UpdateTarget> builder)
    {
        builder.Property(t => t.Kind).HasMaxLength(16);
        builder.Property(t => t.Address).HasMaxLength(2000);
        builder.Property(t => t.P256dh).HasMaxLength(200);
        builder.Property(t => t.Auth).HasMaxLength(100);

        // A browser that subscribes again (or a citizen who gives the same address twice) is one target: told once.
        builder.HasIndex(t => new { t.ConversationId, t.Kind, t.Address }).IsUnique();
        builder.HasOne<ConversationRecord>().WithMany().HasForeignKey(t => t.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
