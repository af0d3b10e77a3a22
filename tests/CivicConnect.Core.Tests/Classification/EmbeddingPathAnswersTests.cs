using CivicConnect.Core.Hosting;
using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;
using CivicConnect.Intelligence.Evaluation;

namespace CivicConnect.Core.Tests.Classification;

/// <summary>
/// Issue 15 changed how texts are embedded (session options, bounded batches, recent vectors
/// reused within a turn), never what the classifier answers: on every evaluation set the shipped
/// path gives the same category, candidates and priority as the path before it.
/// </summary>
[Collection(MiniLmSessions.Name)]
public sealed class EmbeddingPathAnswersTests
{
    [Fact]
    public void ShippedEmbeddingPath_OnTheEvaluationSets_AnswersAsThePathBeforeIt()
    {
        using var legacy = new LegacyMiniLmEmbedder();
        var before = EmbeddingClassifierModel.Build(ShippedModels.Definition, legacy, new ClassifierOptions { Head = ClassifierHead.Both });
        var after = ShippedModels.Both;
        var shipped = new RecentTextEmbeddings(ShippedModels.Embedder);
        var messages = ShippedModels.EvalSet.Concat(ShippedModels.HeldOut).Concat(LabelledSetCsv.Read(Path.Combine(RepositoryPaths.Prompts, "eval", "priority.csv"))).Select(m => m.Text).ToList();

        var differences = new List<string>();
        foreach (var text in messages)
        {
            var was = before.Classify(text, t => legacy.Embed([t])[0]);

            // Twice through the shipped embedder: the second answer comes from the remembered vector.
            var now = after.Classify(text, t => shipped.Embed([t])[0]);
            var again = after.Classify(text, t => shipped.Embed([t])[0]);
            foreach (var (answer, label) in new[] { (now, "embedded"), (again, "remembered") })
            {
                if (Describe(answer) != Describe(was) || Math.Abs(answer.Confidence - was.Confidence) > 1e-3)
                {
                    differences.Add($"{label} \"{text}\": {Describe(was)} {was.Confidence:0.0000} → {Describe(answer)} {answer.Confidence:0.0000}");
                }
            }
        }

        Assert.True(messages.Count > 600, $"only {messages.Count} evaluation messages");
        Assert.Empty(differences);
    }

    private static string Describe(CivicConnect.Intelligence.Classification.Classification answer) =>
        $"{answer.CategoryCode ?? "-"} [{string.Join(",", answer.Candidates.Select(c => c.Code))}] {answer.Priority?.ToString() ?? "-"}";
}
