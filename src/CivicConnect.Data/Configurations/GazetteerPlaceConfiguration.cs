using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class GazetteerPlaceConfiguration : IEntityTypeConfiguration<GazetteerPlace>
{
    public void Configure(EntityTypeBuilder<GazetteerPlace> builder)
    {
        builder.ToTable("gazetteer_places");
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.Kind).HasMaxLength(32);
        builder.Property(p => p.SearchText).HasMaxLength(4000);
        builder.Property(p => p.Location).HasColumnType("geometry(Point,4326)");
        builder.HasIndex(p => p.Location).HasMethod("gist");

        // Trigram index so a misspelt name ("Kensingtn") still finds its place.
        builder.HasIndex(p => p.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
