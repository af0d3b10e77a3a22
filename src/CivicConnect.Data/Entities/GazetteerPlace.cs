using NetTopologySuite.Geometries;

namespace CivicConnect.Data.Entities;

/// <summary>A named place the city resolves without a geocoder: a community, a landmark, a major intersection.</summary>
public sealed class GazetteerPlace
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>"community", "landmark", "intersection", "municipality" (outside the city, named to tell the citizen who handles it).</summary>
    public required string Kind { get; set; }

    /// <summary>The name and every alias, normalised and joined, searched by trigram similarity.</summary>
    public required string SearchText { get; set; }

    public required string[] Aliases { get; set; }

    public required Point Location { get; set; }
}
