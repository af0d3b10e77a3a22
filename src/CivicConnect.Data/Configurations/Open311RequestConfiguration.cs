using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class Open311RequestConfiguration : IEntityTypeConfiguration<Open311Request>
{
    public void Configure(EntityTypeBuilder<Open311Request> builder)
    {
        builder.ToTable("open311_requests");
        builder.Property(r => r.Token).HasMaxLength(64);
        builder.HasIndex(r => r.Token).IsUnique();
        builder.HasIndex(r => r.IssueId).IsUnique();
        builder.Property(r => r.Client).HasMaxLength(64);
        builder.Property(r => r.AccountId).HasMaxLength(200);
        builder.Property(r => r.Email).HasMaxLength(320);
        builder.Property(r => r.Phone).HasMaxLength(40);
        builder.Property(r => r.FirstName).HasMaxLength(200);
        builder.Property(r => r.LastName).HasMaxLength(200);
        builder.Property(r => r.DeviceId).HasMaxLength(200);
        builder.Property(r => r.MediaUrl).HasMaxLength(2000);
        builder.HasOne<Issue>().WithMany().HasForeignKey(r => r.IssueId).OnDelete(DeleteBehavior.Cascade);
    }
}
