namespace CivicConnect.Geo.Places.Resolve;

/// <summary>The street gazetteer as the locator reads it: from the place tables in the server, held in memory in a benchmark.</summary>
public interface IPlaceGazetteer
{
    Task<PlaceResolver> ResolverAsync(CancellationToken cancellationToken);

    Task<PlaceIndex> IndexAsync(CancellationToken cancellationToken);
}
