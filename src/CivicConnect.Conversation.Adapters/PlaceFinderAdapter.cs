using CivicConnect.Conversation.Ports;
using CivicConnect.Core.Telemetry;
using CivicConnect.Geo.Locating;

namespace CivicConnect.Conversation.Adapters;

/// <summary><see cref="IPlaceFinder"/> answered by Geo's <see cref="ILocator"/> (street gazetteer, geocoder, wards).</summary>
public sealed class PlaceFinderAdapter(ILocator locator) : IPlaceFinder
{
    public async Task<PlaceCandidate> DescribePointAsync(double latitude, double longitude, CancellationToken cancellationToken) =>
        ToCandidate(await locator.DescribePointAsync(latitude, longitude, cancellationToken));

    public async Task<IReadOnlyList<PlaceCandidate>> FindAsync(string text, PlaceNear? near, CancellationToken cancellationToken)
    {
        using var span = CivicTelemetry.Start("locate");
        var found = (await locator.FindAsync(text, near is null ? null : new PlaceHint(near.Latitude, near.Longitude), cancellationToken)).Select(ToCandidate).ToList();
        span?.SetTag("civic.places", found.Count);
        return found;
    }

    private static PlaceCandidate ToCandidate(PlaceMatch match) =>
        new(match.Label, match.Latitude, match.Longitude, match.Ward is { } ward ? new PlaceWard(ward.Id, ward.Code, ward.Name) : null, match.Municipality, match.Coarse);
}
