using System.Globalization;
using System.Net.Http.Json;
using CivicConnect.Geo.Locating;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace CivicConnect.Geo.Geocoding;

/// <summary>
/// Searches a Nominatim-compatible API inside the city's viewbox. Addresses and streets go as
/// structured street/city parameters (more precise); intersections and named places as q.
/// Outages, timeouts, an open breaker and 429s are logged and answered with null ("no answer"),
/// so the locator falls back, nothing is cached, and the citizen never sees an exception.
/// </summary>
public sealed partial class NominatimGeocoder(HttpClient http, IOptions<GeocodingOptions> options, ILogger<NominatimGeocoder> logger) : IGeocoder
{
    public async Task<IReadOnlyList<GeocodeHit>?> SearchAsync(LocationQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            var places = await http.GetFromJsonAsync<List<NominatimPlace>>(BuildPath(query, settings), cancellationToken) ?? [];
            return places
                .Select(p => TryHit(p))
                .OfType<GeocodeHit>()
                .Where(h => GeoPoint.IsValid(h.Latitude, h.Longitude))
                .Take(settings.MaxResults)
                .ToList();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsOutage(ex))
        {
            LogUnavailable(logger, ex.GetType().Name, ex);
            return null;
        }
    }

    public async Task<IReadOnlyList<GeocodeHit>?> ReverseAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        if (!GeoPoint.IsValid(latitude, longitude))
        {
            return [];
        }

        try
        {
            var place = await http.GetFromJsonAsync<NominatimReversePlace>(BuildReversePath(latitude, longitude), cancellationToken);

            // Nominatim answers 200 with {"error": "Unable to geocode"} where it knows no address.
            return place is null || place.Error is not null || ReadableAddress(place) is not { } label ? [] : [new GeocodeHit(label, latitude, longitude)];
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsOutage(ex))
        {
            LogUnavailable(logger, ex.GetType().Name, ex);
            return null;
        }
    }

    internal static string BuildReversePath(double latitude, double longitude) =>
        // zoom=18 asks for the building/street level, the precision a pin has.
        string.Create(CultureInfo.InvariantCulture, $"reverse?format=jsonv2&lat={latitude:0.#######}&lon={longitude:0.#######}&zoom=18&addressdetails=1");

    /// <summary>"1234 17 Avenue SW" when there is a house number, else the road, else the place's own name.</summary>
    internal static string? ReadableAddress(NominatimReversePlace place)
    {
        var address = place.Address;
        if (address?.Road is { Length: > 0 } road)
        {
            return address.HouseNumber is { Length: > 0 } number ? $"{number} {road}" : road;
        }

        if (place.Name is { Length: > 0 } name)
        {
            return name;
        }

        return place.DisplayName is { Length: > 0 } ? ShortName(place.DisplayName) : null;
    }

    internal static string BuildPath(LocationQuery query, GeocodingOptions settings)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("format", "jsonv2"),
            new("countrycodes", settings.CountryCodes),
            new("viewbox", settings.ViewBox),
            new("bounded", "1"),
            new("limit", settings.MaxResults.ToString(CultureInfo.InvariantCulture)),
        };
        switch (query.Kind)
        {
            case LocationQueryKind.Address:
                parameters.Add(new("street", $"{query.HouseNumber} {query.Street!.ToGeocoderText()}"));
                parameters.Add(new("city", settings.City));
                break;
            case LocationQueryKind.Street:
                parameters.Add(new("street", query.Street!.ToGeocoderText()));
                parameters.Add(new("city", settings.City));
                break;
            case LocationQueryKind.Intersection:
                parameters.Add(new("q", $"{query.Street!.ToGeocoderText()} & {query.CrossStreet!.ToGeocoderText()}, {settings.City}"));
                break;
            default:
                parameters.Add(new("q", $"{query.Place}, {settings.City}"));
                break;
        }

        return "search?" + string.Join('&', parameters.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));
    }

    private static GeocodeHit? TryHit(NominatimPlace place) =>
        double.TryParse(place.Lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
        && double.TryParse(place.Lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            ? new GeocodeHit(ShortName(place), lat, lon)
            : null;

    // display_name runs to the country; the first two parts are what a citizen recognises.
    private static string ShortName(NominatimPlace place) => ShortName(place.DisplayName ?? place.Name ?? string.Empty);

    private static string ShortName(string displayName) =>
        string.Join(", ", displayName.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(2));

    private static bool IsOutage(Exception ex) => ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
        or RateLimiterRejectedException or TaskCanceledException or System.Text.Json.JsonException or NotSupportedException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Geocoder unavailable ({Reason}); falling back to the gazetteer")]
    private static partial void LogUnavailable(ILogger logger, string reason, Exception exception);
}
