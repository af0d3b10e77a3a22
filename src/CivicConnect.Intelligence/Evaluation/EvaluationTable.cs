using System.Globalization;
using System.Text;

namespace CivicConnect.Intelligence.Evaluation;

/// <summary>An <see cref="EvaluationReport"/> as the text table <c>civic eval</c> prints.</summary>
public static class EvaluationTable
{
    public static string Format(EvaluationReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var priority = report.PriorityAccuracy is { } p ? string.Format(c, "   priority {0:P1}", p) : string.Empty;
        text.AppendLine(c, $"messages {report.Count}   accuracy {report.Accuracy:P1}   macro-F1 {report.MacroF1:P1}   no answer {report.Unanswered}{priority}");
        text.AppendLine(c, $"latency per message: p50 {report.LatencyP50Ms:F1} ms   p95 {report.LatencyP95Ms:F1} ms");
        if (report.PriorityFigures is { } pf)
        {
            text.AppendLine(c, $"priority on {pf.Count}: {pf.Accuracy:P1}   default-only baseline {pf.DefaultBaseline:P1}   urgent recall {pf.UrgentRecall:P1} ({pf.UrgentFound}/{pf.UrgentExpected})   urgent precision {pf.UrgentPrecision:P1} ({pf.UrgentFound}/{pf.UrgentAnswered})");
        }

        if (report.Tokens is { } t)
        {
            text.AppendLine(c, $"LLM: {t.Asked} asked, {t.Failed} failed (unanswered)   tokens per message: prompt {t.PromptTokensPerMessage:F1}, completion {t.CompletionTokensPerMessage:F1}   total {t.PromptTokens} + {t.CompletionTokens}");
        }

        text.AppendLine();
        text.AppendLine(c, $"{"#",3}  {"category",-20} {"precision",9} {"recall",7} {"F1",6} {"support",8}");
        for (var i = 0; i < report.Categories.Count; i++)
        {
            var m = report.Categories[i];
            text.AppendLine(c, $"{i + 1,3}  {m.Code,-20} {m.Precision,9:P0} {m.Recall,7:P0} {m.F1,6:F2} {m.Support,8}");
        }

        text.AppendLine();
        text.AppendLine("confusion matrix (rows: labelled, columns: answered by #, '-' = no answer)");
        text.Append("     ");
        for (var j = 0; j < report.ConfusionLabels.Count; j++)
        {
            text.Append(c, $"{j + 1,4}");
        }

        text.AppendLine("   -");
        for (var i = 0; i < report.Confusion.Count; i++)
        {
            text.Append(c, $"{i + 1,3}  ");
            foreach (var count in report.Confusion[i])
            {
                text.Append(count == 0 ? "   ." : count.ToString(c).PadLeft(4));
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
