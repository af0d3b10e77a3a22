using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class GeocodeCacheEntryConfiguration : IEntityTypeConfiguration<GeocodeCacheEntry>
{
    public void Configure(EntityTypeBuilder<GeocodeCacheEntry> builder)
    {
        builder.ToTable("geocode_cache");
        builder.HasKey(e => e.QueryKey);
        builder.Property(e => e.QueryKey).HasMaxLength(300);
        builder.Property(e => e.Results).HasColumnType("jsonb");
        builder.HasIndex(e => e.ExpiresAt);
    }
}
