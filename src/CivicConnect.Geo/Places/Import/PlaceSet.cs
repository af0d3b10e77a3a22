using CivicConnect.Geo.Places.Normalize;
using NetTopologySuite.Geometries;

namespace CivicConnect.Geo.Places.Import;

/// <summary>A street corner known from a source: two streets, the corner's quadrant and point.</summary>
public sealed record KnownCorner(StreetName First, StreetName Second, string? Quadrant, double Latitude, double Longitude, string Source);

/// <summary>A civic address with the City's point: "3651A 21 ST NE".</summary>
public sealed record KnownAddress(int Number, string? Suffix, StreetName Street, double Latitude, double Longitude, string? Community);

/// <summary>
/// A named place: a landmark, service, school, station or junction (exact), or a community
/// (<paramref name="Coarse"/>: the dialog narrows it rather than filing at its centroid).
/// </summary>
public sealed record KnownPlace(string Name, string Kind, IReadOnlyList<string> Aliases, double Latitude, double Longitude, bool Coarse);

/// <summary>Named street geometry (arterial segments): lets two streets that share no signal meet.</summary>
public sealed record KnownStreetLine(StreetName Street, MultiLineString Line);

/// <summary>Everything one import reads, before it is stored.</summary>
public sealed class PlaceSet
{
    public List<KnownCorner> Corners { get; } = [];

    public List<KnownAddress> Addresses { get; } = [];

    public List<KnownPlace> Places { get; } = [];

    public List<KnownStreetLine> Lines { get; } = [];

    public int Count => Corners.Count + Addresses.Count + Places.Count + Lines.Count;
}
