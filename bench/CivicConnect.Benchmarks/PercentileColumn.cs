using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace CivicConnect.Benchmarks;

/// <summary>
/// A percentile of the measurements, for the percentiles BenchmarkDotNet has no column for
/// (it ships P0…P95 and P100, not P99).
/// </summary>
public sealed class PercentileColumn(int percentile) : IColumn
{
    // StatisticColumn puts its percentile columns at this priority within the Statistics category.
    private const int PercentilesPriority = 2;

    public string Id => $"{nameof(PercentileColumn)}.P{percentile}";

    public string ColumnName => $"P{percentile}";

    public string Legend => $"Percentile {percentile}";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => PercentilesPriority;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
        {
            return "NA";
        }

        var nanoseconds = statistics.Percentiles.Percentile(percentile);
        var unit = style.TimeUnit ?? TimeUnit.GetBestTimeUnit(nanoseconds);
        var text = TimeUnit.Convert(nanoseconds, TimeUnit.Nanosecond, unit).ToString("N2", style.CultureInfo ?? CultureInfo.InvariantCulture);
        return style.PrintUnitsInContent ? $"{text} {unit.AbbreviationAscii}" : text;
    }

    public override string ToString() => ColumnName;
}
