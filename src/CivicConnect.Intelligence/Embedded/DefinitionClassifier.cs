using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Embeddings;

namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// The embedded classifier for one fixed model, with no database: what evaluation runs, so a
/// draft definition is measured exactly as it would answer once published.
/// </summary>
public sealed class DefinitionClassifier(EmbeddingClassifierModel model, ITextEmbedder embedder) : IClassifier
{
    public EmbeddingClassifierModel Model => model;

    public Task<Classification.Classification> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken) =>
        Task.FromResult(model.Classify(input.Text, text => embedder.Embed([text], cancellationToken)[0]));
}
