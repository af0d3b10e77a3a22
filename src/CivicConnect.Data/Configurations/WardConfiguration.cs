using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class WardConfiguration : IEntityTypeConfiguration<Ward>
{
    public void Configure(EntityTypeBuilder<Ward> builder)
    {
        builder.HasIndex(w => w.Code).IsUnique();
        builder.Property(w => w.Code).HasMaxLength(32);
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.Boundary).HasColumnType("geometry(MultiPolygon,4326)");
        builder.HasIndex(w => w.Boundary).HasMethod("gist");
    }
}
