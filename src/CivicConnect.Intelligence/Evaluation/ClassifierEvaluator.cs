using System.Diagnostics;
using CivicConnect.Core.Issues;
using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Definitions;

namespace CivicConnect.Intelligence.Evaluation;

/// <summary>
/// Runs a classifier over labelled messages one at a time (as citizens send them, so the latency
/// is the latency a citizen sees) and scores the answers.
/// </summary>
public static class ClassifierEvaluator
{
    public const string NoAnswer = "(none)";

    /// <param name="defaultPriority">The categories' default priorities, for the priority baseline (<see cref="PriorityFigures"/>).</param>
    public static async Task<EvaluationReport> EvaluateAsync(
        IClassifier classifier,
        IReadOnlyList<LabelledExample> set,
        CancellationToken cancellationToken,
        IProgress<int>? progress = null,
        Func<string, Priority?>? defaultPriority = null) =>
        (await RunAsync(classifier, set, cancellationToken, progress, defaultPriority)).Report;

    /// <summary>As <see cref="EvaluateAsync"/>, with every message's answer (to compare two runs message by message).</summary>
    public static async Task<(EvaluationReport Report, IReadOnlyList<(LabelledExample Example, Classification.Classification Result)> Answers)> RunAsync(
        IClassifier classifier,
        IReadOnlyList<LabelledExample> set,
        CancellationToken cancellationToken,
        IProgress<int>? progress = null,
        Func<string, Priority?>? defaultPriority = null)
    {
        var answers = new List<(LabelledExample Example, Classification.Classification Result)>(set.Count);
        var latencies = new List<double>(set.Count);
        var metered = classifier as IMeteredClassifier;
        long promptTokens = 0, completionTokens = 0;
        var failed = 0;
        foreach (var example in set)
        {
            var input = new ClassificationInput(example.Text, example.Locale, []);
            var started = Stopwatch.GetTimestamp();
            Classification.Classification result;
            if (metered is null)
            {
                result = await classifier.ClassifyAsync(input, cancellationToken);
            }
            else
            {
                var answer = await metered.ClassifyMeteredAsync(input, cancellationToken);
                (result, promptTokens, completionTokens) = (answer.Result, promptTokens + answer.PromptTokens, completionTokens + answer.CompletionTokens);
                failed += answer.Failed ? 1 : 0;
            }

            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            answers.Add((example, result));
            progress?.Report(answers.Count);
        }

        var report = Score(answers, latencies) with
        {
            PriorityFigures = defaultPriority is null ? null : PriorityFigures.Of(answers, defaultPriority),
            Tokens = metered is null ? null : new TokenFigures(set.Count, failed, promptTokens, completionTokens),
        };
        return (report, answers);
    }

    public static EvaluationReport Score(IReadOnlyList<(LabelledExample Example, Classification.Classification Result)> answers, IReadOnlyList<double> latencies)
    {
        var labels = answers.Select(a => a.Example.CategoryCode)
            .Concat(answers.Select(a => a.Result.CategoryCode).OfType<string>())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.OrdinalIgnoreCase);
        var matrix = labels.Select(_ => new int[labels.Count + 1]).ToArray();
        foreach (var (example, result) in answers)
        {
            var column = result.CategoryCode is { } code ? index[code] : labels.Count;
            matrix[index[example.CategoryCode]][column]++;
        }

        var metrics = new List<CategoryMetrics>();
        foreach (var label in labels)
        {
            var i = index[label];
            var truePositives = matrix[i][i];
            var support = matrix[i].Sum();
            var predicted = matrix.Sum(row => row[i]);
            var precision = predicted == 0 ? 0 : truePositives / (double)predicted;
            var recall = support == 0 ? 0 : truePositives / (double)support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            metrics.Add(new CategoryMetrics(label, precision, recall, f1, support));
        }

        var labelled = metrics.Where(m => m.Support > 0).ToList();
        var correct = answers.Count(a => string.Equals(a.Result.CategoryCode, a.Example.CategoryCode, StringComparison.OrdinalIgnoreCase));
        var withPriority = answers.Where(a => a.Example.ExpectedPriority is not null).ToList();
        double? priorityAccuracy = withPriority.Count == 0 ? null : withPriority.Count(a => a.Result.Priority == a.Example.ExpectedPriority) / (double)withPriority.Count;
        return new EvaluationReport(
            answers.Count,
            answers.Count == 0 ? 0 : correct / (double)answers.Count,
            labelled.Count == 0 ? 0 : labelled.Average(m => m.F1),
            priorityAccuracy,
            answers.Count(a => a.Result.CategoryCode is null),
            metrics,
            labels,
            matrix,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95));
    }

    private static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
