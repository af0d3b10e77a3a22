using NetTopologySuite.Geometries;

namespace CivicConnect.Data.Entities;

/// <summary>
/// A municipality next to the city, with a rough boundary: a point outside every ward but inside
/// it is reported there, so the bot can name who handles it instead of only "outside the city".
/// </summary>
public sealed class NeighbouringMunicipality
{
    public int Id { get; set; }

    /// <summary>What the citizen is told: "the City of Airdrie", "Rocky View County".</summary>
    public required string Name { get; set; }

    public required Polygon Boundary { get; set; }
}
