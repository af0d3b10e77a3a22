using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class IssueSubscriberConfiguration : IEntityTypeConfiguration<IssueSubscriber>
{
    public void Configure(EntityTypeBuilder<IssueSubscriber> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => new { s.IssueId, s.ConversationId }).IsUnique();
        builder.HasIndex(s => s.ConversationId);
        builder.HasOne<ConversationRecord>().WithMany().HasForeignKey(s => s.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
