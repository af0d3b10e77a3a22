using System.Text.Json.Serialization;

namespace CivicConnect.Geo.Geocoding;

/// <summary>The fields we read from one element of Nominatim's format=jsonv2 search answer (lat/lon are strings there).</summary>
internal sealed record NominatimPlace(
    [property: JsonPropertyName("lat")] string? Lat,
    [property: JsonPropertyName("lon")] string? Lon,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("name")] string? Name);
