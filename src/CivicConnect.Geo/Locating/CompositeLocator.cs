using CivicConnect.Geo.Gazetteer;
using CivicConnect.Geo.Geocoding;
using CivicConnect.Geo.Municipalities;
using CivicConnect.Geo.Wards;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Geo.Locating;

/// <summary>
/// Tries, in order of trust: typed coordinates and exact named places (the embedded gazetteer);
/// the parsed query through the geocoder when one is configured; for a named place, the
/// gazetteer table by trigram similarity (misspellings, and the fallback when the geocoder is
/// down); then nothing — the dialog asks for a nearby intersection or a pin rather than guessing.
/// </summary>
public sealed class CompositeLocator(GazetteerLocator gazetteer, IServiceScopeFactory scopes) : ILocator
{
    private const int MaxChoices = 3;

    /// <summary>
    /// A pin inside the city reads as the geocoder's address ("1234 17 Avenue SW") when one is
    /// configured and answers, else as the nearest gazetteer place ("Kensington"); outside the
    /// city, the neighbouring municipality is named when known.
    /// </summary>
    public async Task<PlaceMatch> DescribePointAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        var described = await gazetteer.DescribePointAsync(latitude, longitude, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        if (described.Ward is null)
        {
            return await WithMunicipalityAsync(scope.ServiceProvider, described, cancellationToken);
        }

        return scope.ServiceProvider.GetService<IGeocoder>() is { } geocoder
            && await geocoder.ReverseAsync(latitude, longitude, cancellationToken) is [var address, ..]
            ? described with { Label = address.DisplayName }
            : described;
    }

    public async Task<IReadOnlyList<PlaceMatch>> FindAsync(string text, CancellationToken cancellationToken)
    {
        var matches = await FindPlacesAsync(text, cancellationToken);
        if (matches.Count == 0 || matches.Any(m => m.Ward is not null))
        {
            return matches;
        }

        // Only places outside the city: say whose they are.
        await using var scope = scopes.CreateAsyncScope();
        var named = new List<PlaceMatch>(matches.Count);
        foreach (var match in matches)
        {
            named.Add(await WithMunicipalityAsync(scope.ServiceProvider, match, cancellationToken));
        }

        return named;
    }

    private static async Task<PlaceMatch> WithMunicipalityAsync(IServiceProvider services, PlaceMatch match, CancellationToken cancellationToken) =>
        match with { Municipality = await services.GetRequiredService<IMunicipalityLookup>().FindAsync(match.Latitude, match.Longitude, cancellationToken) };

    private async Task<IReadOnlyList<PlaceMatch>> FindPlacesAsync(string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > CalgaryAddressParser.MaxLength)
        {
            return [];
        }

        var known = await gazetteer.FindAsync(text, cancellationToken);
        if (known.Count > 0)
        {
            return known;
        }

        if (CalgaryAddressParser.Parse(text) is not { } query)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var wards = scope.ServiceProvider.GetRequiredService<IWardLookup>();
        var matches = new List<PlaceMatch>(MaxChoices);
        if (scope.ServiceProvider.GetService<IGeocoder>() is { } geocoder
            && await geocoder.SearchAsync(query, cancellationToken) is { Count: > 0 } hits)
        {
            foreach (var hit in hits.Take(MaxChoices))
            {
                // One hit: the citizen's own words, tidied, read best. Several: the geocoder's names tell them apart.
                var label = hits.Count == 1 ? query.Label : hit.DisplayName;
                matches.Add(new PlaceMatch(label, hit.Latitude, hit.Longitude, await wards.FindAsync(hit.Latitude, hit.Longitude, cancellationToken)));
            }

            return matches;
        }

        // Only a named place goes to the fuzzy search: a street address that merely resembles an
        // intersection alias must not become a silent guess.
        if (query.Kind == LocationQueryKind.Place)
        {
            foreach (var place in await scope.ServiceProvider.GetRequiredService<GazetteerSearch>().FindAsync(query.Place!, MaxChoices, cancellationToken))
            {
                matches.Add(new PlaceMatch(place.Name, place.Latitude, place.Longitude, await wards.FindAsync(place.Latitude, place.Longitude, cancellationToken)));
            }
        }

        return matches;
    }
}
