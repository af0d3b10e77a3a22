using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CivicConnect.Geo.Places.Parse;

namespace CivicConnect.Benchmarks.Location;

/// <summary>
/// <see cref="PlacePhraseParser.Parse"/> over a mix of the ways Calgarians write places
/// (addresses, streets, intersections in English and French, ordinals in words, named places,
/// and text that is no place). One operation is one phrasing; Op/s is parses per second on one thread.
/// </summary>
[Config(typeof(Config))]
public class PlacePhraseParserBenchmarks
{
    private readonly string[] phrasings =
    [
        "1234 17 Ave SW", "1234 17th Avenue S.W.", "800 Macleod Trail SE", "2500 University Dr NW", "1234 17 Ave SW, Calgary, AB T2T 0A1",
        "1234, 17e Avenue S.-O.", "17th Ave SW", "seventeenth avenue", "twenty-first street nw", "fifty second street ne",
        "17 Ave & 4 St SW", "Centre St N and 16 Ave", "Macleod Trail S / Glenmore", "corner of 52 St NE and 80 Ave NE",
        "coin de la 52e Rue NE et de la 80e Avenue NE", "Kensington", "Bridgeland", "City Hall", "near the Calgary Tower",
        "there is a big pothole and it is dangerous",
    ];

    [Benchmark(OperationsPerInvoke = 20, Description = "PlacePhraseParser.Parse, per phrasing")]
    public int Parse()
    {
        var parsed = 0;
        foreach (var text in phrasings)
        {
            if (PlacePhraseParser.Parse(text).Count > 0)
            {
                parsed++;
            }
        }

        return parsed;
    }

    // Short and in process: a CPU-only loop needs no separate runner build to be measured well.
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortInProcess"));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.OperationsPerSecond);
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }
}
