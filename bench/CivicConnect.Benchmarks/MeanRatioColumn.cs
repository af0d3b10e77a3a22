using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CivicConnect.Benchmarks;

/// <summary>
/// Mean of a benchmark divided by the mean of its baseline. BenchmarkDotNet's own Ratio column
/// averages the ratios of individual measurements; when every measurement is a single call (see
/// <see cref="PerCallConfig"/>) that average is dominated by the spread of the calls (the
/// baseline itself comes out well above 1.00), so this column replaces it.
/// </summary>
public sealed class MeanRatioColumn : IColumn
{
    public string Id => nameof(MeanRatioColumn);

    public string ColumnName => "Mean ratio";

    public string Legend => "Mean / Mean of the baseline benchmark";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Baseline;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsAvailable(Summary summary) => summary.HasBaselines();

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var baselineMean = baseline is null ? null : summary[baseline]?.ResultStatistics?.Mean;
        return mean is { } m && baselineMean is { } b && b > 0
            ? (m / b).ToString("N2", style.CultureInfo ?? CultureInfo.InvariantCulture)
            : "?";
    }

    public override string ToString() => ColumnName;
}
