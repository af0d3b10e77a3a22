using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicConnect.Geo.Wards;

/// <summary>One indexed query: ST_Contains on the ward boundary's GiST index.</summary>
public sealed class WardLookup(CivicDbContext db) : IWardLookup
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public async Task<WardMatch?> FindAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        if (!GeoPoint.IsValid(latitude, longitude))
        {
            return null;
        }

        var point = Factory.CreatePoint(new Coordinate(longitude, latitude));
        return await db.Wards.AsNoTracking()
            .Where(w => w.Boundary.Contains(point))
            .Select(w => new WardMatch(w.Id, w.Code, w.Name))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
