using System.Collections.Concurrent;
using System.Diagnostics;
using CivicConnect.Intelligence.Categories;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;
using CivicConnect.Intelligence.Evaluation;

namespace CivicConnect.Intelligence.Tuning;

/// <summary>
/// Scores two classifier versions on one labelled set, message by message, the way the live
/// embedded classifier answers (only active categories). Each message is embedded once, in one
/// batch, and both versions read the same vector: comparing costs little more than one evaluation,
/// which keeps the publish gate quick enough to run on every publish. (The latencies reported are
/// therefore the model's alone, without the embedding.)
/// </summary>
public sealed class ClassifierComparison(EmbeddingModelCache models, ITextEmbedder embedder, ICategoryDirectory categories)
{
    public async Task<VersionComparison> CompareAsync(
        (int Id, ClassifierSnapshot Snapshot) baseline,
        (int Id, ClassifierSnapshot Snapshot) candidate,
        IReadOnlyList<LabelledExample> set,
        CancellationToken cancellationToken)
    {
        var active = (await categories.GetActiveAsync(cancellationToken)).Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Model building and inference are CPU work: off the caller's thread (a console circuit, a request).
        return await Task.Run(() =>
        {
            var vectors = EmbedOnce(set, cancellationToken);
            var before = Answer(models.Get(baseline.Snapshot.Definition), set, vectors, active, cancellationToken);
            var after = Answer(models.Get(candidate.Snapshot.Definition), set, vectors, active, cancellationToken);
            var changes = new List<ChangedAnswer>();
            for (var i = 0; i < set.Count; i++)
            {
                var was = before.Answers[i].Result.CategoryCode;
                var now = after.Answers[i].Result.CategoryCode;
                if (!string.Equals(was, now, StringComparison.OrdinalIgnoreCase))
                {
                    changes.Add(new ChangedAnswer(set[i].Text, set[i].Locale, set[i].CategoryCode, was, now));
                }
            }

            return new VersionComparison(
                baseline.Id,
                candidate.Id,
                ClassifierEvaluator.Score(before.Answers, before.Latencies),
                ClassifierEvaluator.Score(after.Answers, after.Latencies),
                changes);
        }, cancellationToken);
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
