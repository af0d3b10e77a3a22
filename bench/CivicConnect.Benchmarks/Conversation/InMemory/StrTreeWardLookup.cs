using System.Globalization;
using System.Text.Json;
using CivicConnect.Geo;
using CivicConnect.Geo.Wards;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.Converters;

namespace CivicConnect.Benchmarks.Conversation.InMemory;

/// <summary>
/// Ward lookup without a database: the ward polygons of a GeoJSON file in an STR-tree, each
/// prepared for repeated point-in-polygon tests. Same answers as the PostGIS lookup for points
/// inside a ward; null outside city limits.
/// </summary>
public sealed class StrTreeWardLookup : IWardLookup
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };
    private readonly STRtree<(IPreparedGeometry Boundary, WardMatch Ward)> index = new();

    public StrTreeWardLookup(string geoJsonPath, string codeProperty = "ward_num", string nameProperty = "label")
    {
        using var stream = File.OpenRead(geoJsonPath);
        var features = JsonSerializer.Deserialize<FeatureCollection>(stream, GeoJson)
            ?? throw new InvalidDataException($"{geoJsonPath} holds no features");
        var id = 0;
        foreach (var feature in features)
        {
            var boundary = feature.Geometry.IsValid ? feature.Geometry : feature.Geometry.Buffer(0);
            var code = Text(feature, codeProperty);
            var label = Text(feature, nameProperty);
            var name = label.Any(char.IsLower) ? label : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(label.ToLowerInvariant());
            index.Insert(boundary.EnvelopeInternal, (PreparedGeometryFactory.Prepare(boundary), new WardMatch(++id, code, name)));
        }

        index.Build();
        Count = id;
    }

    public int Count { get; }

    public Task<WardMatch?> FindAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        if (!GeoPoint.IsValid(latitude, longitude))
        {
            return Task.FromResult<WardMatch?>(null);
        }

        var point = Factory.CreatePoint(new Coordinate(longitude, latitude));
        foreach (var (boundary, ward) in index.Query(point.EnvelopeInternal))
        {
            if (boundary.Contains(point))
            {
                return Task.FromResult<WardMatch?>(ward);
            }
        }

        return Task.FromResult<WardMatch?>(null);
    }

    private static string Text(IFeature feature, string property) =>
        feature.Attributes?.Exists(property) == true && feature.Attributes[property] is { } value
            ? (value is JsonElement element ? element.ToString() : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty).Trim()
            : throw new InvalidDataException($"a ward feature has no '{property}' property");
}
