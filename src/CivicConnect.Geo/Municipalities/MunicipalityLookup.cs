using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Geo.Municipalities;

/// <summary>ST_Contains on the GiST index of neighbouring_municipalities; the smallest area wins, so a town beats its county.</summary>
public sealed class MunicipalityLookup(CivicDbContext db) : IMunicipalityLookup
{
    public async Task<string?> FindAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        if (!GeoPoint.IsValid(latitude, longitude))
        {
            return null;
        }

        return await db.Database.SqlQuery<string>($"""
            SELECT name AS "Value"
            FROM neighbouring_municipalities
            WHERE ST_Contains(boundary, ST_SetSRID(ST_MakePoint({longitude}, {latitude}), 4326))
            ORDER BY ST_Area(boundary), name
            LIMIT 1
            """).FirstOrDefaultAsync(cancellationToken);
    }
}
