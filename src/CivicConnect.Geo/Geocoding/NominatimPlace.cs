using System.Text.Json.Serialization;

namespace CivicConnect.Geo.Geocoding;

/// <summary>The fields we read from one element of Nominatim's format=jsonv2 search answer (lat/lon are strings there).</summary>
internal sealed record NominatimPlace(
    [property: JsonPropertyName("lat")] string? Lat,
    [property: JsonPropertyName("lon")] string? Lon,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("name")] string? Name);

/// <summary>The fields we read from Nominatim's /reverse answer with format=jsonv2 (one object; "error" where nothing is there).</summary>
internal sealed record NominatimReversePlace(
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("address")] NominatimAddress? Address,
    [property: JsonPropertyName("error")] string? Error);

internal sealed record NominatimAddress(
    [property: JsonPropertyName("house_number")] string? HouseNumber,
    [property: JsonPropertyName("road")] string? Road);
