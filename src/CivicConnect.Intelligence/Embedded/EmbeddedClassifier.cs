using CivicConnect.Intelligence.Categories;
using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embeddings;

namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// The default <see cref="IClassifier"/>: the current definition's model, answering only with
/// categories that are active now (a category switched off in the database is never offered).
/// </summary>
public sealed class EmbeddedClassifier(
    IClassifierDefinitionSource definitions,
    EmbeddingModelCache models,
    ITextEmbedder embedder,
    ICategoryDirectory categories) : IClassifier
{
    public async Task<Classification.Classification> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken)
    {
        var definition = await definitions.GetCurrentAsync(cancellationToken);
        var model = models.Get(definition);
        var result = model.Classify(input.Text, text => embedder.Embed([text], cancellationToken)[0]);
        var active = (await categories.GetActiveAsync(cancellationToken)).Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return OnlyActive(result, active);
    }

    /// <summary>
    /// Drops inactive categories. Scores stay probabilities over the whole definition, so the
    /// winner's confidence honestly includes the doubt the inactive ones took.
    /// </summary>
    public static Classification.Classification OnlyActive(Classification.Classification result, IReadOnlySet<string> active)
    {
        if (result.CategoryCode is null || result.Candidates.All(c => active.Contains(c.Code)))
        {
            return result;
        }

        var kept = result.Candidates.Where(c => active.Contains(c.Code)).ToList();
        return kept.Count == 0
            ? result with { CategoryCode = null, Confidence = 0, Candidates = [] }
            : result with { CategoryCode = kept[0].Code, Confidence = kept[0].Score, Candidates = kept };
    }
}
