using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class HandOffLineConfiguration : IEntityTypeConfiguration<HandOffLine>
{
    public void Configure(EntityTypeBuilder<HandOffLine> builder)
    {
        builder.ToTable("hand_off_lines");
        builder.Property(l => l.Speaker).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Author).HasMaxLength(200);
        builder.Property(l => l.Text).HasMaxLength(4000);
        builder.HasIndex(l => new { l.HandOffId, l.Id });
    }
}
