using NetTopologySuite.Geometries;

namespace CivicConnect.Data.Entities;

/// <summary>
/// A street corner of the street gazetteer: two streets in normal form (name, City type
/// abbreviation, quadrant), the corner's point and ward, and the source that gave it
/// ("signal", "stop", "junction", or "line" where two named lines cross).
/// </summary>
public sealed class PlaceCorner
{
    public long Id { get; set; }

    public required string FirstName { get; set; }

    public string? FirstType { get; set; }

    public string? FirstQuadrant { get; set; }

    public required string SecondName { get; set; }

    public string? SecondType { get; set; }

    public string? SecondQuadrant { get; set; }

    public string? Quadrant { get; set; }

    public required string Source { get; set; }

    public required Point Location { get; set; }

    public int? WardId { get; set; }
}
