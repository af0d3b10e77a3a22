using NetTopologySuite.Geometries;

namespace CivicConnect.Data.Entities;

/// <summary>
/// A named place of the street gazetteer: a landmark, service, school, station, or a community
/// (<see cref="Coarse"/>: the dialog narrows it instead of filing a report at its centroid).
/// </summary>
public sealed class PlaceName
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>"landmark", "hospital", "library", "school", "station", "community" …</summary>
    public required string Kind { get; set; }

    /// <summary>Every way of saying it, folded ("rockyview hospital", "rockyview general hospital").</summary>
    public required string[] Aliases { get; set; }

    public bool Coarse { get; set; }

    public required Point Location { get; set; }

    public int? WardId { get; set; }
}
