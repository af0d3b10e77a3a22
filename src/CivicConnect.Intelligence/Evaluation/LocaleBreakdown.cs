using System.Globalization;
using System.Text;
using CivicConnect.Intelligence.Definitions;

namespace CivicConnect.Intelligence.Evaluation;

/// <summary>
/// The same answers scored per locale: MiniLM is an English model, so French is measured on its
/// own and a good English figure cannot hide a weak French one.
/// </summary>
public static class LocaleBreakdown
{
    public static IReadOnlyDictionary<string, EvaluationReport> Compute(IReadOnlyList<LabelledExample> set, IReadOnlyList<Classification.Classification> answers) =>
        Enumerable.Range(0, set.Count)
            .GroupBy(i => set[i].Locale, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => ClassifierEvaluator.Score(g.Select(i => (set[i], answers[i])).ToList(), []),
                StringComparer.OrdinalIgnoreCase);

    public static string Format(IReadOnlyList<LabelledExample> set, IReadOnlyList<Classification.Classification> answers)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder("by locale:");
        foreach (var (locale, report) in Compute(set, answers))
        {
            text.Append(c, $"   {locale} {report.Count}: accuracy {report.Accuracy:P1}, macro-F1 {report.MacroF1:P1}");
        }

        return text.ToString();
    }
}
