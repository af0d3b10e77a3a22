using CivicConnect.Data;
using CivicConnect.Geo.Locating;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Geo.Gazetteer;

/// <summary>
/// Named places in PostgreSQL by trigram word similarity, so a misspelling ("Kensingtn",
/// "Bridgland") still resolves. The &lt;% operator uses the GIN trigram index on search_text.
/// </summary>
public sealed class GazetteerSearch(CivicDbContext db)
{
    public async Task<IReadOnlyList<GazetteerHit>> FindAsync(string text, int limit, CancellationToken cancellationToken)
    {
        var normalized = PlaceText.Normalize(text);
        if (normalized.Length is < 3 or > CalgaryAddressParser.MaxLength)
        {
            return [];
        }

        return await db.Database.SqlQuery<GazetteerHit>($"""
            SELECT name, kind, ST_Y(location) AS latitude, ST_X(location) AS longitude, word_similarity({normalized}, search_text)::float8 AS score
            FROM gazetteer_places
            WHERE {normalized} <% search_text
            ORDER BY score DESC, name
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }
}

public sealed record GazetteerHit(string Name, string Kind, double Latitude, double Longitude, double Score);
