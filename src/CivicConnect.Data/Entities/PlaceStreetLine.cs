using NetTopologySuite.Geometries;

namespace CivicConnect.Data.Entities;

/// <summary>Named street geometry of the street gazetteer (arterial segments, or a full centreline when a city has one).</summary>
public sealed class PlaceStreetLine
{
    public long Id { get; set; }

    public required string StreetName { get; set; }

    public required string StreetType { get; set; }

    public string? StreetQuadrant { get; set; }

    public required MultiLineString Line { get; set; }
}
