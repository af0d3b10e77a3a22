using CivicConnect.Core.Hosting;
using CivicConnect.Geo.Places.Import;
using CivicConnect.Geo.Places.Resolve;

namespace CivicConnect.Core.Tests.Places;

/// <summary>
/// The street gazetteer built from the City registers beside the repository (../shared/data/calgary)
/// and the shipped landmark list, as an import builds it, once for the test class.
/// </summary>
public sealed class RealGazetteerFixture
{
    public RealGazetteerFixture()
    {
        Folder = Path.Combine(Environment.GetEnvironmentVariable("CIVIC_SHARED_DATA") ?? RepositoryPaths.SharedData, "calgary");
        var set = PlaceSources.Read(Folder, Path.Combine(RepositoryPaths.Seed, "places.json"), progress: null);
        set.Corners.AddRange(LineCrossings.Find(set.Lines));
        Resolver = new PlaceResolver(PlaceIndex.Build(set));
    }

    public string Folder { get; }

    public PlaceResolver Resolver { get; }

    /// <summary>A raw row of one register, found by plain text comparison (not through the normaliser under test).</summary>
    public IReadOnlyDictionary<string, string>? Row(string file, Func<IReadOnlyDictionary<string, string>, bool> match) =>
        CsvRows.Read(Path.Combine(Folder, file)).FirstOrDefault(match);
}
