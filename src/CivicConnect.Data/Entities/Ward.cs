using NetTopologySuite.Geometries;

namespace CivicConnect.Data.Entities;

public sealed class Ward
{
    public int Id { get; set; }

    /// <summary>The city's own identifier for the ward ("1" … "14" in Calgary).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required MultiPolygon Boundary { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}
