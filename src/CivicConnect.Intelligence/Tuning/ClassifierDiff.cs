using CivicConnect.Intelligence.Definitions;

namespace CivicConnect.Intelligence.Tuning;

/// <summary>What differs between two versions, as a supervisor reads a change: per category, per example, per photo.</summary>
public sealed record ClassifierDiff(
    IReadOnlyList<DescriptionChange> Descriptions,
    IReadOnlyList<LabelledExample> ExamplesAdded,
    IReadOnlyList<LabelledExample> ExamplesRemoved,
    IReadOnlyList<long> PhotosAdded,
    IReadOnlyList<long> PhotosRemoved,
    bool PromptTemplateChanged)
{
    public static ClassifierDiff Compare(ClassifierSnapshot from, ClassifierSnapshot to)
    {
        var descriptions = new List<DescriptionChange>();
        foreach (var category in to.Definition.Categories)
        {
            var before = from.Definition.Find(category.Code);
            foreach (var locale in category.Description.Keys.Union(before?.Description.Keys ?? []).Order(StringComparer.Ordinal))
            {
                var old = before?.Description.GetValueOrDefault(locale);
                var now = category.Description.GetValueOrDefault(locale);
                if (!string.Equals(old, now, StringComparison.Ordinal))
                {
                    descriptions.Add(new DescriptionChange(category.Code, locale, old, now));
                }
            }
        }

        var fromExamples = from.Definition.Examples.ToHashSet();
        var toExamples = to.Definition.Examples.ToHashSet();
        return new ClassifierDiff(
            descriptions,
            to.Definition.Examples.Where(e => !fromExamples.Contains(e)).ToList(),
            from.Definition.Examples.Where(e => !toExamples.Contains(e)).ToList(),
            to.GalleryPhotoIds.Except(from.GalleryPhotoIds).ToList(),
            from.GalleryPhotoIds.Except(to.GalleryPhotoIds).ToList(),
            !string.Equals(from.Definition.PromptTemplate, to.Definition.PromptTemplate, StringComparison.Ordinal));
    }
}

public sealed record DescriptionChange(string Category, string Locale, string? Before, string? After);
