using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Categories;
using CivicConnect.Intelligence.Classification;
using Microsoft.Extensions.Options;

namespace CivicConnect.Intelligence.Photos;

/// <summary>
/// Wraps the text classifier and lets photos weigh in. Without photo evidence (no photo, empty
/// gallery, nothing similar) the text's result is returned unchanged. With it, the scores are
/// blended — <see cref="PhotoOptions.PhotoWeight"/> for the photos — and a report with a photo
/// but no words is classified by the photo alone.
/// </summary>
public sealed class PhotoAwareClassifier(IClassifier text, PhotoEvidence photos, IActiveGallery gallery, ICategoryDirectory categories, IOptions<PhotoOptions> options) : IClassifier
{
    public async Task<Classification.Classification> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken)
    {
        var fromText = await text.ClassifyAsync(input, cancellationToken);
        if (input.PhotoPaths.Count == 0)
        {
            return fromText;
        }

        var evidence = await photos.ScoreAsync(input.PhotoPaths, await gallery.GetPhotoIdsAsync(cancellationToken), cancellationToken);
        return await CombineAsync(fromText, evidence, options.Value.PhotoWeight, cancellationToken);
    }

    /// <summary>Blends text and photo scores; public so a draft version can be tried the same way.</summary>
    public async Task<Classification.Classification> CombineAsync(Classification.Classification fromText, IReadOnlyList<CategoryScore> evidence, double photoWeight, CancellationToken cancellationToken)
    {
        var active = await categories.GetActiveAsync(cancellationToken);
        evidence = evidence.Where(e => active.Any(c => string.Equals(c.Code, e.Code, StringComparison.OrdinalIgnoreCase))).ToList();
        if (evidence.Count == 0)
        {
            return fromText;
        }

        // Words count for nothing when there were none (a photo-only report).
        var weight = fromText.CategoryCode is null ? 1.0 : photoWeight;
        var textScores = TextDistribution(fromText);
        double PhotoScore(string code) => evidence.FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase))?.Score ?? 0;
        var combined = textScores.Keys.Union(evidence.Select(e => e.Code), StringComparer.OrdinalIgnoreCase)
            .Select(code => new CategoryScore(code, ((1 - weight) * textScores.GetValueOrDefault(code)) + (weight * PhotoScore(code))))
            .OrderByDescending(s => s.Score)
            .ToList();

        var best = combined[0];
        var agreesWithText = string.Equals(best.Code, fromText.CategoryCode, StringComparison.OrdinalIgnoreCase);
        var textConfidence = agreesWithText ? fromText.Confidence : textScores.GetValueOrDefault(best.Code);
        var photoScore = PhotoScore(best.Code);
        var confidence = Math.Clamp(((1 - weight) * textConfidence) + (weight * photoScore), 0, 1);

        // The words decide urgency ("live wire"); a category the photo chose brings its own default.
        var category = active.First(c => string.Equals(c.Code, best.Code, StringComparison.OrdinalIgnoreCase));
        var priority = agreesWithText || fromText.Priority == Priority.Urgent ? fromText.Priority ?? category.DefaultPriority : category.DefaultPriority;
        return new Classification.Classification(category.Code, confidence, combined, priority, fromText.LocationText);
    }

    private static Dictionary<string, double> TextDistribution(Classification.Classification result)
    {
        var scores = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var candidate in result.Candidates)
        {
            scores[candidate.Code] = candidate.Score;
        }

        if (result.CategoryCode is { } code && !scores.ContainsKey(code))
        {
            scores[code] = result.Confidence;
        }

        var total = scores.Values.Sum();
        return total <= 0 ? scores : scores.ToDictionary(s => s.Key, s => s.Value / total, StringComparer.OrdinalIgnoreCase);
    }
}
