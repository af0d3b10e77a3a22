using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;

namespace CivicConnect.Benchmarks;

/// <summary>
/// Latency of a single database round trip. Each measured iteration is exactly one call, so the
/// percentile columns are percentiles of individual calls; with BenchmarkDotNet's usual batching
/// they would be percentiles of batch averages, which hide the tail. Nothing is dropped as an
/// outlier (the tail is what P99 is for), and no full GC is forced between calls, so the calls
/// run back to back as they do in the server. Short enough for `civic bench` on 2 cores.
/// </summary>
public sealed class PerCallConfig : ManualConfig
{
    // Enough warm-up calls for tiered JIT to settle; enough measured calls for a P99 of ~20 samples.
    private const int WarmupCalls = 1000;
    private const int MeasuredCalls = 2000;

    public PerCallConfig()
    {
        AddJob(Job.Default
            .WithId("PerCall")
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupCalls)
            .WithIterationCount(MeasuredCalls)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithGcForce(false)
            .WithEvaluateOverhead(false));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.OperationsPerSecond, new MeanRatioColumn());
        HideColumns(Column.Ratio, Column.RatioSD);
        AddDiagnoser(MemoryDiagnoser.Default);

        // BenchmarkDotNet builds its own runner project; on a busy 2-core VM that takes longer than its default 2 minutes.
        WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}
