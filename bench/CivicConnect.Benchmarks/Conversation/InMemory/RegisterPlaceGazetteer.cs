using CivicConnect.Core.Hosting;
using CivicConnect.Geo.Places.Import;
using CivicConnect.Geo.Places.Resolve;

namespace CivicConnect.Benchmarks.Conversation.InMemory;

/// <summary>The street gazetteer built in memory from the City registers beside the repository, as an import builds it, with no database.</summary>
public sealed class RegisterPlaceGazetteer : IPlaceGazetteer
{
    private readonly PlaceIndex index;
    private readonly PlaceResolver resolver;

    public RegisterPlaceGazetteer()
    {
        var set = PlaceSources.Read(Path.Combine(RepositoryPaths.SharedData, "calgary"), Path.Combine(RepositoryPaths.Seed, "places.json"), progress: null);
        set.Corners.AddRange(LineCrossings.Find(set.Lines));
        index = PlaceIndex.Build(set);
        resolver = new PlaceResolver(index);
    }

    public Task<PlaceResolver> ResolverAsync(CancellationToken cancellationToken) => Task.FromResult(resolver);

    public Task<PlaceIndex> IndexAsync(CancellationToken cancellationToken) => Task.FromResult(index);
}
