namespace CivicConnect.Staff.Dashboard;

/// <summary>
/// The dashboard's ward map: five equal steps from no open report to the busiest ward, light to
/// dark blue. The legend lists each step's range in numbers, so the colour is never the only sign.
/// </summary>
public static class WardShading
{
    internal static readonly string[] Steps = ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];

    /// <summary>Each step's colour and inclusive range of open reports (empty steps left out).</summary>
    public static IReadOnlyList<ShadeStep> Legend(int busiest)
    {
        if (busiest <= 0)
        {
            return [new ShadeStep(Steps[0], 0, 0)];
        }

        var steps = new List<ShadeStep> { new(Steps[0], 0, 0) };
        var low = 1;
        for (var i = 1; i < Steps.Length && low <= busiest; i++)
        {
            var high = i == Steps.Length - 1 ? busiest : Math.Max(low, (int)Math.Ceiling(busiest * i / (double)(Steps.Length - 1)));
            steps.Add(new ShadeStep(Steps[i], low, high));
            low = high + 1;
        }

        return steps;
    }

    public static string ColourOf(int openReports, IReadOnlyList<ShadeStep> legend) =>
        legend.FirstOrDefault(s => openReports >= s.From && openReports <= s.To)?.Colour ?? legend[^1].Colour;
}

public sealed record ShadeStep(string Colour, int From, int To);
