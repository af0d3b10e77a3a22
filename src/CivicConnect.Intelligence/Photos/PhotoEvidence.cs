using System.Collections.Concurrent;
using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Embeddings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicConnect.Intelligence.Photos;

/// <summary>
/// What a citizen's photos say about the category: the nearest labelled gallery photos vote with
/// their similarity above <see cref="PhotoOptions.GalleryMinSimilarity"/>. No gallery, no readable
/// photo or nothing similar enough: no evidence at all (an empty list), never a guess.
/// </summary>
public sealed class PhotoEvidence(IImageFeaturizer featurizer, IPhotoFiles files, PhotoGallery gallery, IOptions<PhotoOptions> options, ILogger<PhotoEvidence> logger)
{
    // Stored photos never change (random names), so their features can be kept; bounded, cleared when full.
    private const int CacheLimit = 512;
    private readonly ConcurrentDictionary<string, float[]?> featureCache = new(StringComparer.Ordinal);
    private readonly PhotoOptions settings = options.Value;

    /// <returns>Scores per category summing to 1, best first; empty when the photos say nothing.</returns>
    public async Task<IReadOnlyList<CategoryScore>> ScoreAsync(IReadOnlyList<string> photoPaths, IReadOnlySet<long> galleryIds, CancellationToken cancellationToken)
    {
        var paths = photoPaths.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).ToList();
        if (paths.Count == 0)
        {
            return [];
        }

        var labelled = await gallery.GetAsync(galleryIds, cancellationToken);
        if (labelled.Count == 0)
        {
            return [];
        }

        var votes = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
        {
            if (await FeaturesOfStoredAsync(path, cancellationToken) is not { } features)
            {
                continue;
            }

            Vote(features, labelled, votes);
        }

        var total = votes.Values.Sum();
        return total <= 0
            ? []
            : votes.OrderByDescending(v => v.Value).Select(v => new CategoryScore(v.Key, v.Value / total)).ToList();
    }

    /// <summary>Votes for bytes not stored anywhere (a supervisor trying a photo against a draft).</summary>
    public async Task<IReadOnlyList<CategoryScore>> ScoreAsync(byte[] photo, IReadOnlySet<long> galleryIds, CancellationToken cancellationToken)
    {
        var labelled = await gallery.GetAsync(galleryIds, cancellationToken);
        var votes = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        Vote(featurizer.Featurize(photo, cancellationToken), labelled, votes);
        var total = votes.Values.Sum();
        return total <= 0 ? [] : votes.OrderByDescending(v => v.Value).Select(v => new CategoryScore(v.Key, v.Value / total)).ToList();
    }

    /// <summary>Features of a stored photo, or null when it cannot be read (missing, HEIC, corrupt): logged, never thrown.</summary>
    public async Task<float[]?> FeaturesOfStoredAsync(string path, CancellationToken cancellationToken)
    {
        if (featureCache.TryGetValue(path, out var cached))
        {
            return cached;
        }

        float[]? features = null;
        var bytes = await files.ReadAsync(path, cancellationToken);
        if (bytes is null)
        {
            logger.LogWarning("Photo {Path} is not in the media store; it is left out of classification", path);
        }
        else
        {
            try
            {
                features = featurizer.Featurize(bytes, cancellationToken);
            }
            catch (UnreadableImageException ex)
            {
                logger.LogInformation("Photo {Path} cannot be featurised: {Reason}", path, ex.Message);
            }
        }

        if (featureCache.Count >= CacheLimit)
        {
            featureCache.Clear();
        }

        featureCache[path] = features;
        return features;
    }

    private void Vote(float[] features, IReadOnlyList<GalleryEntry> labelled, Dictionary<string, double> votes)
    {
        var nearest = labelled
            .Select(e => (e.CategoryCode, Similarity: (double)Vectors.Cosine(features, e.Features)))
            .Where(n => n.Similarity >= settings.GalleryMinSimilarity)
            .OrderByDescending(n => n.Similarity)
            .Take(settings.GalleryNeighbours);
        foreach (var (category, similarity) in nearest)
        {
            // Margin above the floor: a near-identical photo counts far more than a loosely similar one.
            var weight = (similarity - settings.GalleryMinSimilarity) / (1 - settings.GalleryMinSimilarity + 1e-6);
            votes[category] = votes.GetValueOrDefault(category) + weight + 1e-6;
        }
    }
}
