using System.Globalization;
using System.Text;

namespace CivicConnect.LoadGen;

/// <summary>A drill's report: a heading line, a two-column Markdown table of figures, and the verdict.</summary>
internal static class DrillTable
{
    public static string Markdown(string heading, IEnumerable<(string Figure, object Value)> rows, bool passed)
    {
        var text = new StringBuilder();
        text.AppendLine(heading);
        text.AppendLine();
        text.AppendLine("| figure | value |");
        text.AppendLine("|---|---:|");
        foreach (var (figure, value) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {Format(value)} |");
        }

        text.AppendLine();
        text.AppendLine(passed ? "Result: **pass**." : "Result: **FAIL**.");
        return text.ToString();
    }

    public static string Seconds(TimeSpan? t) => t is { } v ? v.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "never";

    private static string Format(object value) => value switch
    {
        double d => d.ToString("0.0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
