using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CivicConnect.Geo.Duplicates;

/// <summary>
/// Open issues of the same or a confusable category within the reported category's radius and
/// age limit, nearest first from the database, then ranked by nearness, recency and — when the
/// composition supplies <see cref="IDescriptionSimilarity"/> — how alike the descriptions read.
/// </summary>
public sealed class NearbyDuplicateFinder(CivicDbContext db, IOptions<DuplicateOptions> options, TimeProvider clock, IDescriptionSimilarity? similarity = null) : IDuplicateFinder
{
    // ST_DWithin on geography measures in metres but cannot use the geometry GiST index on
    // issues.location (the cast hides the column). The && box test, in degrees wide enough
    // for the radius at this latitude, is what lets the planner use that index; ST_DWithin
    // then keeps only what is truly within the radius.
    // The stored description vector (issue_description_vectors) is joined only while it was computed
    // from the description as it reads now.
    internal const string Sql = """
        SELECT i.id AS issue_id, i.reference_number, i.created_at AS reported_at, i.description, c.code AS category_code,
               ST_Distance(i.location::geography, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography) AS distance_meters,
               md5(i.description) AS description_md5, v.vector AS description_vector
        FROM issues i
        JOIN service_categories c ON c.id = i.category_id
        LEFT JOIN issue_description_vectors v ON v.issue_id = i.id AND v.description_md5 = md5(i.description)
        WHERE c.code = ANY(@categories)
          AND i.status <> ALL(@closed)
          AND i.created_at >= @since
          AND i.location && ST_Expand(ST_SetSRID(ST_MakePoint(@lon, @lat), 4326), @degrees)
          AND ST_DWithin(i.location::geography, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, @radius)
        ORDER BY distance_meters
        LIMIT @limit
        """;

    /// <summary>Keeps the vectors the similarity computed for candidates that had none: each open report is embedded once.</summary>
    internal const string StoreVectorSql = """
        INSERT INTO issue_description_vectors (issue_id, description_md5, vector) VALUES (@id, @md5, @vector)
        ON CONFLICT (issue_id) DO UPDATE SET description_md5 = excluded.description_md5, vector = excluded.vector
        """;

    private const double MetresPerDegree = 111_320;

    public async Task<IReadOnlyList<DuplicateCandidate>> RankAsync(string categoryCode, double latitude, double longitude, string? description, CancellationToken cancellationToken)
    {
        if (!GeoPoint.IsValid(latitude, longitude))
        {
            return [];
        }

        var settings = options.Value;
        var radius = settings.RadiusMetersByCategory.TryGetValue(categoryCode, out var specific) ? specific : settings.RadiusMeters;
        var now = clock.GetUtcNow();
        var since = now.AddDays(-settings.MaxAgeDays);
        var rows = await db.Database
            .SqlQueryRaw<DuplicateRow>(Sql, Parameters(settings.ComparableCategories(categoryCode), latitude, longitude, radius, since, settings.MaxCandidates))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        IReadOnlyList<double> alike = similarity is not null && !string.IsNullOrWhiteSpace(description)
            ? await ScoreDescriptionsAsync(similarity, description, rows, cancellationToken)
            : new double[rows.Count];
        var maxAge = TimeSpan.FromDays(settings.MaxAgeDays);
        return rows
            .Select((r, i) => new DuplicateCandidate(
                r.IssueId, r.ReferenceNumber, r.ReportedAt, r.Description, r.DistanceMeters, r.CategoryCode,
                Score(settings, Near: 1 - Math.Clamp(r.DistanceMeters / radius, 0, 1), Recent: 1 - Math.Clamp((now - r.ReportedAt) / maxAge, 0, 1), Alike: Math.Max(0, alike[i]))))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.DistanceMeters)
            .ToList();
    }

    private async Task<IReadOnlyList<double>> ScoreDescriptionsAsync(IDescriptionSimilarity similarity, string description, List<DuplicateRow> rows, CancellationToken cancellationToken)
    {
        var answer = await similarity.ScoreAsync(description, rows.Select(r => new ComparedDescription(r.Description, r.DescriptionVector)).ToList(), cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            if (answer.Computed[i] is { } vector)
            {
                await db.Database.ExecuteSqlRawAsync(
                    StoreVectorSql,
                    [new NpgsqlParameter("id", rows[i].IssueId), new NpgsqlParameter("md5", rows[i].DescriptionMd5), new NpgsqlParameter("vector", vector)],
                    cancellationToken);
            }
        }

        return answer.Scores;
    }

    /// <summary>A weighted mean of three 0–1 measures, so the score stays 0–1 whatever the weights.</summary>
    private static double Score(DuplicateOptions settings, double Near, double Recent, double Alike) =>
        ((settings.DistanceWeight * Near) + (settings.AgeWeight * Recent) + (settings.TextWeight * Alike))
        / (settings.DistanceWeight + settings.AgeWeight + settings.TextWeight);

    internal static object[] Parameters(string[] categories, double latitude, double longitude, double radius, DateTimeOffset since, int limit)
    {
        // A degree of longitude shrinks towards the poles; the box's half-width covers the radius along both axes.
        var degrees = radius / (MetresPerDegree * Math.Max(0.01, Math.Cos(double.DegreesToRadians(latitude))));
        return
        [
            new NpgsqlParameter("lon", longitude), new NpgsqlParameter("lat", latitude), new NpgsqlParameter("categories", categories),
            new NpgsqlParameter("closed", IssueStatuses.FinishedNames), new NpgsqlParameter("since", since),
            new NpgsqlParameter("degrees", degrees), new NpgsqlParameter("radius", radius), new NpgsqlParameter("limit", limit),
        ];
    }

    // Column names follow the context's snake_case convention.
    private sealed record DuplicateRow(long IssueId, int ReferenceNumber, DateTimeOffset ReportedAt, string Description, string CategoryCode, double DistanceMeters, string DescriptionMd5, float[]? DescriptionVector);
}
