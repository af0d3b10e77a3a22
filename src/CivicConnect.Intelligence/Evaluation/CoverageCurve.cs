using System.Globalization;
using System.Text;
using CivicConnect.Intelligence.Definitions;

namespace CivicConnect.Intelligence.Evaluation;

/// <summary>One threshold of the curve: the share of messages answered without asking, and how often those answers were right.</summary>
public sealed record CoveragePoint(double Threshold, double Coverage, double Accuracy, int Answered);

/// <summary>
/// The coverage/accuracy curve behind the dialog's <c>categoryConfidence</c>: at each threshold,
/// a message whose best category is at least that confident is taken without asking; the rest
/// get a choice of categories. Raising the threshold asks more citizens and makes fewer mistakes.
/// </summary>
public static class CoverageCurve
{
    public static readonly IReadOnlyList<double> Thresholds = [0.0, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

    public static IReadOnlyList<CoveragePoint> Compute(IReadOnlyList<LabelledExample> set, IReadOnlyList<Classification.Classification> answers)
    {
        if (set.Count != answers.Count)
        {
            throw new ArgumentException($"{set.Count} messages but {answers.Count} answers", nameof(answers));
        }

        var points = new List<CoveragePoint>();
        foreach (var threshold in Thresholds)
        {
            var taken = Enumerable.Range(0, set.Count)
                .Where(i => answers[i].CategoryCode is not null && answers[i].Confidence >= threshold)
                .ToList();
            var right = taken.Count(i => string.Equals(answers[i].CategoryCode, set[i].CategoryCode, StringComparison.OrdinalIgnoreCase));
            points.Add(new CoveragePoint(
                threshold,
                set.Count == 0 ? 0 : taken.Count / (double)set.Count,
                taken.Count == 0 ? 1 : right / (double)taken.Count,
                taken.Count));
        }

        return points;
    }

    public static string Format(IReadOnlyList<CoveragePoint> points)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("coverage curve (threshold: share answered without asking, accuracy of those answers)");
        foreach (var p in points)
        {
            text.AppendLine(c, $"  >= {p.Threshold,4:F2}   answered {p.Coverage,6:P1} ({p.Answered,4})   accuracy {p.Accuracy,6:P1}");
        }

        return text.ToString();
    }
}
