using System.Collections.Concurrent;
using System.Diagnostics;
using CivicConnect.Intelligence.Categories;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;
using CivicConnect.Intelligence.Evaluation;
using CivicConnect.Intelligence.Llm;

namespace CivicConnect.Intelligence.Tuning;

/// <summary>
/// Scores two classifier versions on one labelled set, message by message, the way the live
/// embedded classifier answers (only active categories). Each message is embedded once, in one
/// batch, and both versions read the same vector: comparing costs little more than one evaluation,
/// which keeps the publish gate quick enough to run on every publish. (The latencies reported are
/// therefore the model's alone, without the embedding.) Through the LLM (<see cref="EvaluationMode.Llm"/>)
/// each version asks the model with its own prompt template, one message at a time, and the
/// report carries the tokens; that mode exists only when an LLM is configured.
/// </summary>
public sealed class ClassifierComparison(EmbeddingModelCache models, ITextEmbedder embedder, ICategoryDirectory categories, LlmEvaluation? llm = null)
{
    public bool LlmAvailable => llm is not null;

    public async Task<VersionComparison> CompareAsync(
        (int Id, ClassifierSnapshot Snapshot) baseline,
        (int Id, ClassifierSnapshot Snapshot) candidate,
        IReadOnlyList<LabelledExample> set,
        CancellationToken cancellationToken,
        EvaluationMode mode = EvaluationMode.Embedded)
    {
        var active = (await categories.GetActiveAsync(cancellationToken)).Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (mode == EvaluationMode.Llm)
        {
            var through = llm ?? throw new InvalidOperationException("No LLM is configured (Classifier:Llm:Endpoint and Model).");
            var was = await ClassifierEvaluator.RunAsync(through.For(models.Get(baseline.Snapshot.Definition), active), set, cancellationToken, defaultPriority: code => baseline.Snapshot.Definition.Find(code)?.DefaultPriority);
            var now = await ClassifierEvaluator.RunAsync(through.For(models.Get(candidate.Snapshot.Definition), active), set, cancellationToken, defaultPriority: code => candidate.Snapshot.Definition.Find(code)?.DefaultPriority);
            return new VersionComparison(baseline.Id, candidate.Id, was.Report, now.Report, Changes(set, was.Answers, now.Answers));
        }

        // Model building and inference are CPU work: off the caller's thread (a console circuit, a request).
        return await Task.Run(() =>
        {
            var vectors = EmbedOnce(set, cancellationToken);
            var before = Answer(models.Get(baseline.Snapshot.Definition), set, vectors, active, cancellationToken);
            var after = Answer(models.Get(candidate.Snapshot.Definition), set, vectors, active, cancellationToken);
            return new VersionComparison(
                baseline.Id,
                candidate.Id,
                ClassifierEvaluator.Score(before.Answers, before.Latencies),
                ClassifierEvaluator.Score(after.Answers, after.Latencies),
                Changes(set, before.Answers, after.Answers));
        }, cancellationToken);
    }

    private static List<ChangedAnswer> Changes(
        IReadOnlyList<LabelledExample> set,
        IReadOnlyList<(LabelledExample Example, Classification.Classification Result)> before,
        IReadOnlyList<(LabelledExample Example, Classification.Classification Result)> after)
    {
        var changes = new List<ChangedAnswer>();
        for (var i = 0; i < set.Count; i++)
        {
            var was = before[i].Result.CategoryCode;
            var now = after[i].Result.CategoryCode;
            if (!string.Equals(was, now, StringComparison.OrdinalIgnoreCase))
            {
                changes.Add(new ChangedAnswer(set[i].Text, set[i].Locale, set[i].CategoryCode, was, now));
            }
        }

        return changes;
    }

    private ConcurrentDictionary<string, float[]> EmbedOnce(IReadOnlyList<LabelledExample> set, CancellationToken cancellationToken)
    {
        var texts = set.Select(e => InputText.Clean(e.Text)).Where(InputText.HasWords).Distinct(StringComparer.Ordinal).ToList();
        var vectors = embedder.Embed(texts, cancellationToken);
        var byText = new ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            byText[texts[i]] = vectors[i];
        }

        return byText;
    }

    private (List<(LabelledExample Example, Classification.Classification Result)> Answers, List<double> Latencies) Answer(
        EmbeddingClassifierModel model, IReadOnlyList<LabelledExample> set, ConcurrentDictionary<string, float[]> vectors, IReadOnlySet<string> active, CancellationToken cancellationToken)
    {
        var answers = new List<(LabelledExample, Classification.Classification)>(set.Count);
        var latencies = new List<double>(set.Count);
        foreach (var example in set)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var result = model.Classify(example.Text, text => vectors.GetOrAdd(text, t => embedder.Embed([t], cancellationToken)[0]));
            answers.Add((example, EmbeddedClassifier.OnlyActive(result, active)));
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return (answers, latencies);
    }
}
