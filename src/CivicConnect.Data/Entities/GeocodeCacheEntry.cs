namespace CivicConnect.Data.Entities;

/// <summary>One geocoder answer, kept so the same place asked twice costs one request (and respects the usage policy).</summary>
public sealed class GeocodeCacheEntry
{
    /// <summary>The parsed query's normalised key, e.g. "Intersection:17 ave sw &amp; 4 st sw".</summary>
    public required string QueryKey { get; set; }

    /// <summary>The hits as JSON (possibly an empty array: "nothing there" is worth remembering too).</summary>
    public required string Results { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
