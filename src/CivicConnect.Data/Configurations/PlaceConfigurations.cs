using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class PlaceCornerConfiguration : IEntityTypeConfiguration<PlaceCorner>
{
    public void Configure(EntityTypeBuilder<PlaceCorner> builder)
    {
        builder.ToTable("place_corners");
        builder.Property(c => c.FirstName).HasMaxLength(100);
        builder.Property(c => c.SecondName).HasMaxLength(100);
        builder.Property(c => c.FirstType).HasMaxLength(4);
        builder.Property(c => c.SecondType).HasMaxLength(4);
        builder.Property(c => c.FirstQuadrant).HasMaxLength(2);
        builder.Property(c => c.SecondQuadrant).HasMaxLength(2);
        builder.Property(c => c.Quadrant).HasMaxLength(2);
        builder.Property(c => c.Source).HasMaxLength(16);
        builder.Property(c => c.Location).HasColumnType("geometry(Point,4326)");
        builder.HasIndex(c => c.Location).HasMethod("gist");
        builder.HasOne<Ward>().WithMany().HasForeignKey(c => c.WardId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PlaceAddressConfiguration : IEntityTypeConfiguration<PlaceAddress>
{
    public void Configure(EntityTypeBuilder<PlaceAddress> builder)
    {
        builder.ToTable("place_addresses");
        builder.Property(a => a.Suffix).HasMaxLength(2);
        builder.Property(a => a.StreetName).HasMaxLength(100);
        builder.Property(a => a.StreetType).HasMaxLength(4);
        builder.Property(a => a.StreetQuadrant).HasMaxLength(2);
        builder.Property(a => a.Community).HasMaxLength(100);
        builder.Property(a => a.Location).HasColumnType("geometry(Point,4326)");
        builder.HasIndex(a => a.Location).HasMethod("gist");
        builder.HasIndex(a => new { a.StreetName, a.StreetType, a.Number });
        builder.HasOne<Ward>().WithMany().HasForeignKey(a => a.WardId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PlaceNameConfiguration : IEntityTypeConfiguration<PlaceName>
{
    public void Configure(EntityTypeBuilder<PlaceName> builder)
    {
        builder.ToTable("place_names");
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Kind).HasMaxLength(32);
        builder.Property(p => p.Location).HasColumnType("geometry(Point,4326)");
        builder.HasIndex(p => p.Location).HasMethod("gist");
        builder.HasOne<Ward>().WithMany().HasForeignKey(p => p.WardId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PlaceStreetLineConfiguration : IEntityTypeConfiguration<PlaceStreetLine>
{
    public void Configure(EntityTypeBuilder<PlaceStreetLine> builder)
    {
        builder.ToTable("place_street_lines");
        builder.Property(l => l.StreetName).HasMaxLength(100);
        builder.Property(l => l.StreetType).HasMaxLength(4);
        builder.Property(l => l.StreetQuadrant).HasMaxLength(2);
        builder.Property(l => l.Line).HasColumnType("geometry(MultiLineString,4326)");
        builder.HasIndex(l => l.Line).HasMethod("gist");
    }
}
