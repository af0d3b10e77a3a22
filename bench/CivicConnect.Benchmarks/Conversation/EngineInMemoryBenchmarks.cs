using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using CivicConnect.Benchmarks.Conversation.InMemory;
using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Adapters;
using CivicConnect.Conversation.Engine;
using CivicConnect.Conversation.State;
using CivicConnect.Conversation.Testing;
using CivicConnect.Core.Hosting;
using CivicConnect.Core.Messages;
using CivicConnect.Geo.Locating;
using CivicConnect.Geo.Wards;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Benchmarks.Conversation;

/// <summary>
/// The dialog engine alone, in process, no database: whole four-turn conversations on the
/// benchmark dialog <c>bench/CivicConnect.Benchmarks/dialogs/intake-minimal.json</c>
/// (hi → "big pothole" → "17 Ave SW at 4 St SW" → "yes" → reference number). The real
/// <see cref="KeywordClassifier"/> and the <see cref="CompositeLocator"/> run over the seed catalog and the street gazetteer built from the City registers
/// (through the engine's port adapters) and the Calgary ward polygons held in memory, with the
/// other ports stood in for by <c>CivicConnect.Conversation.Testing</c>; the state goes through
/// <see cref="CivicConnect.Channels.Turns.ConversationStateSerializer"/> on every turn.
/// One operation is one turn (<c>OperationsPerInvoke = 4</c>).
/// </summary>
[Config(typeof(Config))]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes the engine host.")]
public class EngineInMemoryBenchmarks
{
    private const int TurnsPerConversation = 4;
    private static readonly string[] Script = ["hi", "big pothole", "17 Ave SW at 4 St SW", "yes"];

    private readonly TimeProvider clock = TimeProvider.System;
    private readonly InMemoryConversationStore store = new();
    private ServiceProvider? services;
    private InMemoryEngine? host;
    private DialogEngine? engine;
    private long conversations;
    private long turns;
    private TimeSpan cpuAtStart;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var root = RepositoryPaths.RootDirectory;
        var wards = new StrTreeWardLookup(Path.Combine(RepositoryPaths.SharedData, "calgary-wards-2017.geojson"));
        services = new ServiceCollection().AddSingleton<IWardLookup>(wards).BuildServiceProvider();
        var categories = new SeedFileCategoryDirectory(Path.Combine(RepositoryPaths.Seed, "service-catalog.json"));
        host = new InMemoryEngine(
            new FixedDialogCatalog(RepositoryPaths.Dialogs, Path.Combine(root, "bench", "CivicConnect.Benchmarks", "dialogs", "intake-minimal.json")),
            new ClassifierAdapter(new KeywordClassifier(categories)),
            new CategoryCatalogAdapter(categories),
            new PlaceFinderAdapter(new CompositeLocator(new RegisterPlaceGazetteer(), services.GetRequiredService<IServiceScopeFactory>())),
            clock);
        engine = host.Engine;

        await AssertConversationEndsWithReferenceAsync(wards.Count);
        cpuAtStart = Environment.CpuUsage.TotalTime;
        turns = 0;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var cpu = Environment.CpuUsage.TotalTime - cpuAtStart;
        if (turns > 0)
        {
            Console.WriteLine($"// process CPU per turn (all threads, incl. GC and JIT, warm-up included): {cpu.TotalMicroseconds / turns:N1} µs over {turns:N0} turns");
        }

        host?.Dispose();
        services?.Dispose();
    }

    [Benchmark(OperationsPerInvoke = TurnsPerConversation, Description = "4-turn conversation, per turn")]
    public async Task<int> Conversation()
    {
        var address = "bench-" + (++conversations).ToString(System.Globalization.CultureInfo.InvariantCulture);
        TurnResult? result = null;
        for (var i = 0; i < Script.Length; i++)
        {
            result = await RunTurnAsync(address, i, Script[i]);
        }

        turns += TurnsPerConversation;
        store.Remove(address); // the state store stays at one conversation however long the run
        return result!.State.References[^1];
    }

    private async Task<TurnResult> RunTurnAsync(string address, int sequence, string text)
    {
        var now = clock.GetUtcNow();
        var (id, state) = store.Load(address, () => Guid.CreateVersion7(now));
        var activity = Activity.FromText($"{address}-{sequence}", ChannelIds.DirectLine, address, text, now);
        var result = await engine!.RunAsync(new TurnContext(id, activity, state), CancellationToken.None);
        store.Save(address, id, result.State);
        return result;
    }

    /// <summary>Runs the script once and checks every step, so the benchmark cannot silently measure a re-prompt or an error path.</summary>
    private async Task AssertConversationEndsWithReferenceAsync(int wardCount)
    {
        if (wardCount != 14)
        {
            throw new InvalidOperationException($"expected the 14 Calgary wards, read {wardCount}");
        }

        const string Address = "bench-check";
        string?[] expectedAwaiting = [Awaiting.Description, Awaiting.Location, Awaiting.Confirm, null];
        TurnResult? result = null;
        for (var i = 0; i < Script.Length; i++)
        {
            result = await RunTurnAsync(Address, i, Script[i]);
            if (result.State.Awaiting != expectedAwaiting[i])
            {
                throw new InvalidOperationException(
                    $"turn {i + 1} ('{Script[i]}'): waiting for '{result.State.Awaiting}', expected '{expectedAwaiting[i]}'; replied: {string.Join(" | ", result.Replies.Select(r => r.Text))}");
            }
        }

        var reference = result!.State.References.SingleOrDefault();
        var last = string.Join(" ", result.Replies.Select(r => r.Text));
        if (reference == 0 || !last.Contains($"#{reference}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the conversation did not end with a reference number; last reply: {last}");
        }

        Console.WriteLine($"// check conversation ended with: {last}");
        store.Remove(Address);
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithId("InProcessEngine"));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.OperationsPerSecond);
            AddDiagnoser(MemoryDiagnoser.Default);
            WithBuildTimeout(TimeSpan.FromMinutes(10)); // see PerCallConfig
        }
    }
}
