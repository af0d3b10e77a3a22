using System.Globalization;
using System.Text.RegularExpressions;
using CivicConnect.Geo.Geocoding;
using CivicConnect.Geo.Municipalities;
using CivicConnect.Geo.Places.Parse;
using CivicConnect.Geo.Places.Resolve;
using CivicConnect.Geo.Wards;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Geo.Locating;

/// <summary>
/// The one place resolver every surface calls (dialog, Open311 <c>address_string</c>): typed
/// coordinates; then the street gazetteer (corners, addresses, named places, communities) from the
/// City's own registers; then, only when the local data has nothing, the geocoder when one is
/// configured; then nothing — the dialog asks for a nearby intersection or a pin rather than guess.
/// </summary>
public sealed partial class CompositeLocator(IPlaceGazetteer gazetteer, IServiceScopeFactory scopes) : ILocator
{
    /// <summary>Longer text is a description, not a place.</summary>
    public const int MaxLength = 500;

    private const int MaxChoices = 3;

    /// <summary>How far a pin may be from a named place to be read back by it when no address or corner is near.</summary>
    private const double NamedPlaceRadiusMetres = 1500;

    public async Task<PlaceMatch> DescribePointAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var ward = await services.GetRequiredService<IWardLookup>().FindAsync(latitude, longitude, cancellationToken);
        var coordinates = string.Create(CultureInfo.InvariantCulture, $"{latitude:0.#####}, {longitude:0.#####}");
        if (ward is null)
        {
            return new PlaceMatch(coordinates, latitude, longitude, null, await MunicipalityAsync(services, latitude, longitude, cancellationToken));
        }

        var resolver = await gazetteer.ResolverAsync(cancellationToken);
        if (resolver.Describe(latitude, longitude) is { } near)
        {
            return new PlaceMatch(near.Label, latitude, longitude, ward);
        }

        if (services.GetService<IGeocoder>() is { } geocoder && await geocoder.ReverseAsync(latitude, longitude, cancellationToken) is [var address, ..])
        {
            return new PlaceMatch(address.DisplayName, latitude, longitude, ward);
        }

        var index = await gazetteer.IndexAsync(cancellationToken);
        var named = index.NearestPlace(latitude, longitude, NamedPlaceRadiusMetres);
        return new PlaceMatch(named?.Name ?? coordinates, latitude, longitude, ward);
    }

    public async Task<IReadOnlyList<PlaceMatch>> FindAsync(string text, PlaceHint? near, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return [];
        }

        if (TypedCoordinates(text) is { } typed)
        {
            return [await DescribePointAsync(typed.Latitude, typed.Longitude, cancellationToken)];
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var wards = services.GetRequiredService<IWardLookup>();
        var resolver = await gazetteer.ResolverAsync(cancellationToken);
        var resolution = resolver.Resolve(text, near is null ? null : (near.Latitude, near.Longitude));
        var matches = new List<PlaceMatch>(MaxChoices);
        foreach (var candidate in resolution.Candidates.Take(MaxChoices))
        {
            var ward = await wards.FindAsync(candidate.Latitude, candidate.Longitude, cancellationToken);
            matches.Add(new PlaceMatch(candidate.Label, candidate.Latitude, candidate.Longitude, ward, Coarse: resolution.Coarse));
        }

        if (matches.Count == 0 && services.GetService<IGeocoder>() is { } geocoder && GeocoderQuery.From(PlacePhraseParser.Parse(text), text) is { } query
            && await geocoder.SearchAsync(query, cancellationToken) is { Count: > 0 } hits)
        {
            foreach (var hit in hits.Take(MaxChoices))
            {
                // One hit: the citizen's own words, tidied, read best. Several: the geocoder's names tell them apart.
                var label = hits.Count == 1 ? query.Label : hit.DisplayName;
                matches.Add(new PlaceMatch(label, hit.Latitude, hit.Longitude, await wards.FindAsync(hit.Latitude, hit.Longitude, cancellationToken)));
            }
        }

        if (matches.Count == 0 || matches.Any(m => m.Ward is not null))
        {
            return matches;
        }

        // Only places outside the city: say whose they are.
        var named = new List<PlaceMatch>(matches.Count);
        foreach (var match in matches)
        {
            named.Add(match with { Municipality = await MunicipalityAsync(services, match.Latitude, match.Longitude, cancellationToken) });
        }

        return named;
    }

    private static (double Latitude, double Longitude)? TypedCoordinates(string text)
    {
        var match = Coordinates().Match(text);
        return match.Success
            && double.TryParse(match.Groups["lat"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            && double.TryParse(match.Groups["lon"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
            && GeoPoint.IsValid(latitude, longitude)
            ? (latitude, longitude)
            : null;
    }

    private static Task<string?> MunicipalityAsync(IServiceProvider services, double latitude, double longitude, CancellationToken cancellationToken) =>
        services.GetRequiredService<IMunicipalityLookup>().FindAsync(latitude, longitude, cancellationToken);

    [GeneratedRegex(@"(?<lat>-?\d{1,2}\.\d+)\s*[, ]\s*(?<lon>-?\d{1,3}\.\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Coordinates();
}
