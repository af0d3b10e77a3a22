using NetTopologySuite.Geometries;

namespace CivicConnect.Data.Entities;

/// <summary>A civic address of the street gazetteer ("3651A 21 ST NE") with the City's point and its ward.</summary>
public sealed class PlaceAddress
{
    public long Id { get; set; }

    public int Number { get; set; }

    public string? Suffix { get; set; }

    public required string StreetName { get; set; }

    public required string StreetType { get; set; }

    public string? StreetQuadrant { get; set; }

    public string? Community { get; set; }

    public required Point Location { get; set; }

    public int? WardId { get; set; }
}
