using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class NeighbouringMunicipalityConfiguration : IEntityTypeConfiguration<NeighbouringMunicipality>
{
    public void Configure(EntityTypeBuilder<NeighbouringMunicipality> builder)
    {
        builder.ToTable("neighbouring_municipalities");
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.HasIndex(m => m.Name).IsUnique();
        builder.Property(m => m.Boundary).HasColumnType("geometry(Polygon,4326)");
        builder.HasIndex(m => m.Boundary).HasMethod("gist");
    }
}
