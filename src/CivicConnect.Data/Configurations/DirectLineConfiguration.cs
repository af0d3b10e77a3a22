using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class DirectLineConversationConfiguration : IEntityTypeConfiguration<DirectLineConversation>
{
    public void Configure(EntityTypeBuilder<DirectLineConversation> builder)
    {
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.UserId).HasMaxLength(200);

        // A citizen key's token request looks up the key's latest conversation.
        builder.HasIndex(c => new { c.UserId, c.CreatedAt });
    }
}

internal sealed class DirectLineActivityConfiguration : IEntityTypeConfiguration<DirectLineActivity>
{
    public void Configure(EntityTypeBuilder<DirectLineActivity> builder)
    {
        builder.Property(a => a.ConversationId).HasMaxLength(64);
        builder.Property(a => a.ActivityId).HasMaxLength(128);
        builder.Property(a => a.Json).HasColumnType("jsonb");
        builder.HasIndex(a => a.ActivityId).IsUnique();
        builder.HasIndex(a => new { a.ConversationId, a.Id });
        builder.HasOne<DirectLineConversation>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
