using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicConnect.Geo.Municipalities;

/// <summary>Replaces the neighbouring_municipalities table with a file's entries, in one transaction.</summary>
public sealed class MunicipalityImporter(CivicDbContext db)
{
    private static readonly GeometryFactory Geometry = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    public async Task<int> ImportAsync(MunicipalityFile file, CancellationToken cancellationToken)
    {
        var entities = file.Municipalities.Select(ToEntity).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.NeighbouringMunicipalities.ExecuteDeleteAsync(cancellationToken);
        db.NeighbouringMunicipalities.AddRange(entities);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return entities.Count;
    }

    private static NeighbouringMunicipality ToEntity(MunicipalityFileEntry entry)
    {
        var polygon = Geometry.CreatePolygon(entry.Ring().Select(p => new Coordinate(p.Lon, p.Lat)).ToArray());
        if (!polygon.IsValid)
        {
            throw new InvalidDataException($"{entry.Name}: the polygon crosses itself");
        }

        return new NeighbouringMunicipality { Name = entry.Name.Trim(), Boundary = polygon };
    }
}
