namespace CivicConnect.LoadGen;

/// <summary>The fault drills and the fuzzer by mode name; <c>drills</c> runs them one after another (bench/README.md, "Fault drills and fuzzing").</summary>
internal static class Drills
{
    private static readonly Dictionary<string, Func<LoadOptions, Task<int>>> Modes = new(StringComparer.Ordinal)
    {
        ["drill-kill"] = KillDrill.RunAsync,
        ["drill-pg-restart"] = PostgresRestartDrill.RunAsync,
        ["drill-flaky-provider"] = FlakyProviderDrill.RunAsync,
        ["fuzz"] = Fuzzer.RunAsync,
    };

    /// <summary>Runs like a drill (its own server, its own verdict) but is not one of <c>drills</c>: it takes minutes.</summary>
    private static readonly Dictionary<string, Func<LoadOptions, Task<int>>> Single = new(StringComparer.Ordinal)
    {
        ["soak"] = SoakDrill.RunAsync,
    };

    public static Func<LoadOptions, Task<int>>? For(string mode) =>
        mode == "drills" ? AllAsync : Modes.GetValueOrDefault(mode) ?? Single.GetValueOrDefault(mode);

    public static int NeedsServer(string mode)
    {
        Console.Error.WriteLine($"{mode} starts and stops the server itself: it needs --server (civic loadgen gives it)");
        return 64;
    }

    /// <summary>Every drill, each to the end even when one fails; non-zero if any failed.</summary>
    private static async Task<int> AllAsync(LoadOptions options)
    {
        var failed = 0;
        foreach (var drill in Modes.Values)
        {
            failed += await drill(options) == 0 ? 0 : 1;
        }

        return failed == 0 ? 0 : 1;
    }
}
