using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embeddings;
using Microsoft.Extensions.Options;

namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// One built model per definition content (version number alone is not enough: a draft changes
/// under the same number). Built once, even when many threads ask at the same moment; the last
/// few are kept so switching between published and draft versions does not rebuild.
/// A model is a pure function of its definition and the embedding model, so the store is shared
/// by every host in the process (tests start many). Builds share the examples' vectors
/// (<see cref="RememberedEmbeddings"/>): a supervisor's draft differs from the published version
/// by a few examples, so building it embeds only those and takes the head's training time alone.
/// </summary>
/// <remarks>With <see cref="IClassifierArtifacts"/> a model built once is kept in the database, so a
/// restarted or added node loads it instead of training (issue: a 30-second cold start).</remarks>
public sealed class EmbeddingModelCache(ITextEmbedder embedder, IOptions<ClassifierOptions> options, IClassifierArtifacts? artifacts = null)
{
    private const int Capacity = 6;
    private static readonly ConcurrentDictionary<string, Lazy<EmbeddingClassifierModel>> Models = new(StringComparer.Ordinal);
    private static readonly ConcurrentQueue<string> Order = new();
    private static readonly ConditionalWeakTable<ClassifierDefinition, string> Fingerprints = new();

    public EmbeddingClassifierModel Get(ClassifierDefinition definition, ClassifierOptions? overrides = null)
    {
        var settings = overrides ?? options.Value;
        var key = $"{settings.Head}:{settings.Neighbours}:{settings.MinimumSimilarity}:{settings.MinimumConfidence}:{settings.CandidateFloor}:{settings.TranslateFrench}:{Fingerprint(definition)}";
        var created = false;
        var lazy = Models.GetOrAdd(key, _ =>
        {
            created = true;
            EmbeddingClassifierModel Build(TrainedClassifier? trained) => EmbeddingClassifierModel.Build(definition, new RememberedEmbeddings(embedder), settings, trained: trained);
            return new Lazy<EmbeddingClassifierModel>(() => artifacts is null ? Build(null) : artifacts.Build(StoreKey(key), Build), LazyThreadSafetyMode.ExecutionAndPublication);
        });
        if (created)
        {
            Order.Enqueue(key);
            while (Order.Count > Capacity && Order.TryDequeue(out var old))
            {
                Models.TryRemove(old, out _);
            }
        }

        return lazy.Value;
    }

    /// <summary>The stored key: the model key hashed (a definition's fingerprint and the head's settings), with the embedder's size.</summary>
    private string StoreKey(string key) =>
        $"{embedder.Dimensions}:" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    /// <summary>SHA-256 of the definition's JSON, computed once per definition instance.</summary>
    public static string Fingerprint(ClassifierDefinition definition) =>
        Fingerprints.GetValue(definition, d => Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(d, ClassifierDefinitionLoader.Json))));
}
