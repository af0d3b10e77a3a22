using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Geo.Locating;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicConnect.Geo.Gazetteer;

/// <summary>Replaces the gazetteer_places table with a file's places, in one transaction (the table mirrors the file).</summary>
public sealed class GazetteerImporter(CivicDbContext db)
{
    private static readonly GeometryFactory Geometry = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    public async Task<int> ImportAsync(GazetteerFile file, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.GazetteerPlaces.ExecuteDeleteAsync(cancellationToken);
        db.GazetteerPlaces.AddRange(file.Places.Select(ToEntity));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return file.Places.Count;
    }

    private static GazetteerPlace ToEntity(GazetteerFileEntry entry)
    {
        var aliases = (entry.Aliases ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).ToArray();
        var searchable = aliases.Prepend(entry.Name).Select(PlaceText.Normalize).Distinct(StringComparer.Ordinal);
        return new GazetteerPlace
        {
            Name = entry.Name.Trim(),
            Kind = entry.Kind.Trim(),
            Aliases = aliases,
            SearchText = string.Join(" | ", searchable),
            Location = Geometry.CreatePoint(new Coordinate(entry.Lon, entry.Lat)),
        };
    }
}
