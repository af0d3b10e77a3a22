using CivicConnect.Intelligence.Categories;
using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;
using CivicConnect.Intelligence.Llm;
using CivicConnect.Intelligence.Photos;
using Microsoft.Extensions.Options;

namespace CivicConnect.Intelligence.Tuning;

/// <summary>
/// A working classifier for any version (a draft under evaluation, an archived one), built the
/// way the live one is — the embedded text model of its definition, its gallery photos, only
/// active categories — so what a supervisor measures is what citizens will get once published.
/// </summary>
public sealed class VersionClassifiers(
    EmbeddingModelCache models,
    ITextEmbedder embedder,
    ICategoryDirectory categories,
    PhotoEvidence photos,
    IOptions<PhotoOptions> photoOptions,
    LlmEvaluation? llm = null)
{
    /// <summary>Whether a version can be run through the LLM (one is configured).</summary>
    public bool LlmAvailable => llm is not null;

    /// <summary>The version's LLM path (its own prompt template and examples, only active categories), for evaluation: a failed call is no answer.</summary>
    public async Task<IClassifier> ThroughLlmAsync(ClassifierSnapshot snapshot, CancellationToken cancellationToken)
    {
        var through = llm ?? throw new InvalidOperationException("No LLM is configured (Classifier:Llm:Endpoint and Model).");
        var active = (await categories.GetActiveAsync(cancellationToken)).Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return through.For(models.Get(snapshot.Definition), active);
    }

    public IClassifier For(int version, ClassifierSnapshot snapshot)
    {
        var text = new DefinitionClassifier(models.Get(snapshot.Definition), embedder);
        var gallery = new FixedGallery(snapshot.GalleryPhotoIds.ToHashSet());
        return new PhotoAwareClassifier(new ActiveOnly(text, categories), photos, gallery, categories, photoOptions);
    }

    /// <summary>The live classifier never offers an inactive category; neither does a version under test.</summary>
    private sealed class ActiveOnly(IClassifier text, ICategoryDirectory categories) : IClassifier
    {
        public async Task<Classification.Classification> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken)
        {
            var active = (await categories.GetActiveAsync(cancellationToken)).Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return EmbeddedClassifier.OnlyActive(await text.ClassifyAsync(input, cancellationToken), active);
        }
    }

    private sealed class FixedGallery(IReadOnlySet<long> ids) : IActiveGallery
    {
        public ValueTask<IReadOnlySet<long>> GetPhotoIdsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ids);
    }
}
