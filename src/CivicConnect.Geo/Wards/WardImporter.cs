using System.Text.Json;
using CivicConnect.Data;
using CivicConnect.Geo.Places.Import;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace CivicConnect.Geo.Wards;

/// <summary>
/// Replaces the ward set from a GeoJSON FeatureCollection (the format open-data portals publish).
/// Everything is checked before anything is written, and the replacement is one transaction:
/// a broken file leaves the previous wards in place.
/// </summary>
public sealed class WardImporter(CivicDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions GeoJsonOptions = CreateOptions();

    public async Task<WardImportResult> ImportAsync(Stream geoJson, WardImportRequest request, CancellationToken cancellationToken)
    {
        var wards = Parse(geoJson, request);
        var now = clock.GetUtcNow();
        var repaired = 0;

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE ward_import (idx int, code text, name text, raw geometry) ON COMMIT DROP", cancellationToken);
            foreach (var ward in wards)
            {
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO ward_import VALUES ({ward.Index}, {ward.Code}, {ward.Name}, ST_SetSRID(ST_GeomFromWKB({ward.Wkb}), 4326))",
                    cancellationToken);
            }

            // ST_MakeValid repairs self-intersecting rings; what is left after keeping only the
            // polygonal parts must be non-empty, else the feature is rejected by its index.
            var broken = await db.Database
                .SqlQueryRaw<int>("SELECT idx AS \"Value\" FROM ward_import WHERE ST_IsEmpty(ST_CollectionExtract(ST_MakeValid(raw), 3)) ORDER BY idx")
                .ToListAsync(cancellationToken);
            if (broken.Count > 0)
            {
                throw new WardImportException($"feature {broken[0]}: the boundary has no usable area, even after repair.");
            }

            repaired = await db.Database
                .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM ward_import WHERE NOT ST_IsValid(raw)")
                .SingleAsync(cancellationToken);

            await db.Database.ExecuteSqlRawAsync("DELETE FROM wards", cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO wards (code, name, boundary, imported_at)
                SELECT code, name, ST_Multi(ST_CollectionExtract(ST_MakeValid(raw), 3)), {now}
                FROM ward_import ORDER BY idx
                """,
                cancellationToken);

            // The street gazetteer's points move to the new wards in the same transaction.
            await db.Database.ExecuteSqlRawAsync(PlaceWards.AssignSql, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        return new WardImportResult(wards.Count, repaired);
    }

    private static List<ParsedWard> Parse(Stream geoJson, WardImportRequest request)
    {
        FeatureCollection? collection;
        try
        {
            collection = JsonSerializer.Deserialize<FeatureCollection>(geoJson, GeoJsonOptions);
        }
        catch (JsonException ex)
        {
            throw new WardImportException($"the file is not valid GeoJSON: {ex.Message}");
        }

        if (collection is null || collection.Count == 0)
        {
            throw new WardImportException("the file holds no features; expected a GeoJSON FeatureCollection of ward polygons.");
        }

        var wards = new List<ParsedWard>(collection.Count);
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var writer = new WKBWriter();
        for (var index = 0; index < collection.Count; index++)
        {
            var feature = collection[index];
            var geometry = feature.Geometry;
            if (geometry is not (Polygon or MultiPolygon))
            {
                throw new WardImportException($"feature {index}: geometry is {geometry?.GeometryType ?? "missing"}; expected Polygon or MultiPolygon.");
            }

            if (geometry.IsEmpty)
            {
                throw new WardImportException($"feature {index}: geometry is empty.");
            }

            if (geometry.Coordinates.Any(c => double.IsNaN(c.X) || double.IsNaN(c.Y) || Math.Abs(c.X) > 180 || Math.Abs(c.Y) > 90))
            {
                throw new WardImportException($"feature {index}: coordinates are not WGS 84 longitude/latitude.");
            }

            var code = ReadProperty(feature, request.CodeProperty, index);
            if (!codes.Add(code))
            {
                throw new WardImportException($"feature {index}: ward code '{code}' appears twice.");
            }

            var name = ReadProperty(feature, request.NameProperty, index);
            wards.Add(new ParsedWard(index, code, NameCase(name), writer.Write(geometry)));
        }

        return wards;
    }

    private static string ReadProperty(IFeature feature, string property, int index)
    {
        var value = feature.Attributes?.Exists(property) == true ? feature.Attributes[property] : null;
        var text = value switch
        {
            null => null,
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            JsonElement element => element.ToString(),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new WardImportException($"feature {index}: property '{property}' is missing or empty.");
        }

        return text.Trim();
    }

    // Open-data labels are often upper case ("WARD 4"); citizens read "Ward 4".
    private static string NameCase(string name) =>
        name.Any(char.IsLower) ? name : System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant());

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }

    private sealed record ParsedWard(int Index, string Code, string Name, byte[] Wkb);
}
