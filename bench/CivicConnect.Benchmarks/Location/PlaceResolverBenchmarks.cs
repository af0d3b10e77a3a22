using BenchmarkDotNet.Attributes;
using CivicConnect.Core.Hosting;
using CivicConnect.Geo.Places.Evaluate;
using CivicConnect.Geo.Places.Import;
using CivicConnect.Geo.Places.Resolve;

namespace CivicConnect.Benchmarks.Location;

/// <summary>
/// One place phrase resolved against the whole street gazetteer (the shipped City registers and
/// landmarks, in memory as the server holds it). Each measured call is the next phrase of the
/// development set's texts in turn, so the percentiles are percentiles over phrases: corners,
/// "approaching" and "north of" phrasings, typos that go to trigram search, and phrases that
/// find nothing (the slowest, since every fallback is tried).
/// </summary>
[Config(typeof(PerCallConfig))]
public class PlaceResolverBenchmarks
{
    private PlaceResolver resolver = null!;
    private string[] phrases = [];
    private int next;

    [GlobalSetup]
    public void LoadGazetteer()
    {
        var folder = Path.Combine(RepositoryPaths.SharedData, "calgary");
        var set = PlaceSources.Read(folder, Path.Combine(RepositoryPaths.Seed, "places.json"), progress: null);
        set.Corners.AddRange(LineCrossings.Find(set.Lines));
        resolver = new PlaceResolver(PlaceIndex.Build(set));

        // Only the texts are used here (as load), never the answers.
        phrases = PlaceEvaluation.ReadCsv(Path.Combine(folder, "traffic_incidents_2023-2024.csv.gz"), "INCIDENT INFO", "Latitude", "Longitude")
            .Select(p => p.Text)
            .Concat(["800 Macleod Trail SE", "the 1000 block of 9 Ave SW", "Peace Bridge", "Rockyview hospital", "crowchlid trail and 16 ave nw", "in Bowness", "no such place at all"])
            .ToArray();
        new Random(19).Shuffle(phrases); // the same order every run
    }

    [Benchmark(Description = "Resolve one place phrase (whole gazetteer)")]
    public int Resolve() => resolver.Resolve(phrases[next++ % phrases.Length]).Candidates.Count;
}
