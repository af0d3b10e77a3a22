using CivicConnect.Core.Issues;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;
using CivicConnect.Intelligence.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Intelligence.Tuning;

/// <summary>
/// The supervisor's edits to the classifier's text side — categories' descriptions, labelled
/// examples, the prompt template — with their checks, for the admin API and the console alike.
/// Each edit is one new draft version (see <see cref="ClassifierTuning.ChangeAsync"/>).
/// </summary>
public sealed class ClassifierEditor(ClassifierTuning tuning, CivicDbContext db, EmbeddingModelCache models, ITextEmbedder embedder)
{
    public async Task<ClassifierSnapshot> WorkingSnapshotAsync(CancellationToken cancellationToken) =>
        ClassifierSnapshot.FromJson((await tuning.WorkingVersionAsync(cancellationToken)).Snapshot);

    public async Task<IReadOnlyList<CategorySummary>> CategoriesAsync(CancellationToken cancellationToken)
    {
        var snapshot = await WorkingSnapshotAsync(cancellationToken);
        var ids = snapshot.GalleryPhotoIds.ToList();
        var photos = await db.GalleryPhotos.AsNoTracking().Where(p => ids.Contains(p.Id))
            .GroupBy(p => p.CategoryCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.OrdinalIgnoreCase, cancellationToken);
        return snapshot.Definition.Categories
            .Select(c => new CategorySummary(
                c.Code,
                c.Description,
                c.DefaultPriority,
                snapshot.Definition.Examples.Count(e => string.Equals(e.CategoryCode, c.Code, StringComparison.OrdinalIgnoreCase)),
                photos.GetValueOrDefault(c.Code)))
            .ToList();
    }

    /// <param name="search">Text the example contains, ignoring case.</param>
    public async Task<IReadOnlyList<LabelledExample>> ExamplesAsync(string? category, string? search, CancellationToken cancellationToken) =>
        (await WorkingSnapshotAsync(cancellationToken)).Definition.Examples
            .Where(e => category is null || string.Equals(e.CategoryCode, category, StringComparison.OrdinalIgnoreCase))
            .Where(e => string.IsNullOrWhiteSpace(search) || e.Text.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>
    /// The working version's examples closest in meaning to <paramref name="text"/>, by the same
    /// sentence embeddings the classifier uses (the model's own nearest-example search).
    /// </summary>
    public async Task<IReadOnlyList<SimilarExample>> SimilarAsync(string? text, int count, CancellationToken cancellationToken)
    {
        var query = TuningInput.Text("text", text, TuningInput.MaxExampleLength);
        var snapshot = await WorkingSnapshotAsync(cancellationToken);
        return await Task.Run(() =>
        {
            var model = models.Get(snapshot.Definition);
            var vector = embedder.Embed([query], cancellationToken)[0];
            var nearest = model.Nearest(vector, Math.Clamp(count, 1, 50));
            var vectors = embedder.Embed(nearest.Select(e => e.Text).ToList(), cancellationToken);
            return nearest.Select((e, i) => new SimilarExample(e, Vectors.Cosine(vector, vectors[i]))).ToList();
        }, cancellationToken);
    }

    /// <summary>All rows are checked before anything is stored: one bad row refuses the whole batch.</summary>
    public async Task<ExamplesAddition> AddExamplesAsync(string actor, IReadOnlyList<ExampleInput> inputs, CancellationToken cancellationToken)
    {
        if (inputs.Count == 0)
        {
            throw TuningInputException.For("examples", "Give at least one example.");
        }

        if (inputs.Count > TuningInput.MaxExamplesPerRequest)
        {
            throw TuningInputException.For("examples", $"At most {TuningInput.MaxExamplesPerRequest} examples a request.");
        }

        var working = await WorkingSnapshotAsync(cancellationToken);
        var examples = inputs.Select((input, i) => ToExample(input, $"examples[{i}]", working)).ToList();
        var added = 0;
        var version = await tuning.ChangeAsync(actor, Describe(examples), snapshot =>
        {
            var existing = snapshot.Definition.Examples.ToHashSet();
            var fresh = examples.Distinct().Where(e => !existing.Contains(e)).ToList();
            if (fresh.Count == 0)
            {
                throw TuningInputException.For("examples", "Every example given is already there.");
            }

            added = fresh.Count;
            return Task.FromResult(snapshot with { Definition = snapshot.Definition with { Examples = [.. snapshot.Definition.Examples, .. fresh] } });
        }, cancellationToken);
        return new ExamplesAddition(added, examples.Count - added, version);
    }

    /// <summary>A CSV of <c>text,category[,expected_priority,locale]</c> added as examples, all or none.</summary>
    public async Task<ExamplesAddition> ImportCsvAsync(string actor, TextReader csv, string name, CancellationToken cancellationToken)
    {
        IReadOnlyList<LabelledExample> rows;
        try
        {
            rows = LabelledSetCsv.Read(csv, name);
        }
        catch (InvalidDataException invalid)
        {
            throw TuningInputException.For("csv", invalid.Message);
        }

        return await AddExamplesAsync(
            actor,
            rows.Select(r => new ExampleInput(r.Text, r.CategoryCode, r.Locale, r.ExpectedPriority?.ToString())).ToList(),
            cancellationToken);
    }

    /// <summary>Replaces one example (found by its id in the working version) with the edited one.</summary>
    /// <returns>The new draft, or null when the working version has no such example.</returns>
    public async Task<ClassifierVersion?> EditExampleAsync(string actor, string id, ExampleInput edited, CancellationToken cancellationToken)
    {
        var working = await WorkingSnapshotAsync(cancellationToken);
        var before = working.Definition.Examples.FirstOrDefault(e => ExampleIds.Of(e) == id);
        if (before is null)
        {
            return null;
        }

        var after = ToExample(edited, "example", working);
        if (after == before)
        {
            throw TuningInputException.For("example", "Nothing changed.");
        }

        var change = string.Equals(before.CategoryCode, after.CategoryCode, StringComparison.OrdinalIgnoreCase)
            ? $"edited example \"{Short(after.Text)}\" in {after.CategoryCode}"
            : $"moved example \"{Short(after.Text)}\" from {before.CategoryCode} to {after.CategoryCode}";
        return await tuning.ChangeAsync(actor, change, snapshot =>
        {
            var examples = snapshot.Definition.Examples.Where(e => ExampleIds.Of(e) != id && e != after).ToList();
            var at = snapshot.Definition.Examples.ToList().FindIndex(e => ExampleIds.Of(e) == id);
            examples.Insert(Math.Clamp(at, 0, examples.Count), after);
            return Task.FromResult(snapshot with { Definition = snapshot.Definition with { Examples = examples } });
        }, cancellationToken);
    }

    /// <returns>The new draft, or null when the working version has no such example.</returns>
    public async Task<ClassifierVersion?> RemoveExampleAsync(string actor, string id, CancellationToken cancellationToken)
    {
        var working = await WorkingSnapshotAsync(cancellationToken);
        var example = working.Definition.Examples.FirstOrDefault(e => ExampleIds.Of(e) == id);
        if (example is null)
        {
            return null;
        }

        return await tuning.ChangeAsync(actor, $"removed example \"{Short(example.Text)}\" from {example.CategoryCode}", snapshot =>
            Task.FromResult(snapshot with { Definition = snapshot.Definition with { Examples = snapshot.Definition.Examples.Where(e => ExampleIds.Of(e) != id).ToList() } }),
            cancellationToken);
    }

    /// <returns>The new draft, or null when there is no such category.</returns>
    public async Task<ClassifierVersion?> EditDescriptionAsync(string actor, string code, string? locale, string? text, CancellationToken cancellationToken)
    {
        var language = TuningInput.Locale("locale", locale, "en");
        var description = TuningInput.Text("text", text, TuningInput.MaxDescriptionLength);
        if ((await WorkingSnapshotAsync(cancellationToken)).Definition.Find(code) is null)
        {
            return null;
        }

        return await tuning.ChangeAsync(actor, $"description of {code} ({language}) edited", snapshot =>
        {
            var category = snapshot.Definition.Find(code) ?? throw TuningInputException.For("code", $"Unknown category '{code}'.");
            var descriptions = new Dictionary<string, string>(category.Description, StringComparer.OrdinalIgnoreCase) { [language] = description };
            var categories = snapshot.Definition.Categories.Select(c => c == category ? c with { Description = descriptions } : c).ToList();
            return Task.FromResult(snapshot with { Definition = snapshot.Definition with { Categories = categories } });
        }, cancellationToken);
    }

    public async Task<ClassifierVersion> SetPromptAsync(string actor, string? template, CancellationToken cancellationToken)
    {
        var text = TuningInput.Text("template", template, TuningInput.MaxPromptLength);
        return await tuning.ChangeAsync(actor, "prompt template edited", snapshot =>
            Task.FromResult(snapshot with { Definition = snapshot.Definition with { PromptTemplate = text } }), cancellationToken);
    }

    private static LabelledExample ToExample(ExampleInput input, string field, ClassifierSnapshot working)
    {
        var text = TuningInput.Text($"{field}.text", input.Text, TuningInput.MaxExampleLength);
        var category = TuningInput.Category($"{field}.category", input.Category, working);
        var locale = TuningInput.Locale($"{field}.locale", input.Locale, LocaleGuess.Guess(text));
        Priority? priority = null;
        if (!string.IsNullOrWhiteSpace(input.ExpectedPriority))
        {
            priority = Enum.TryParse<Priority>(input.ExpectedPriority, ignoreCase: true, out var p) && Enum.IsDefined(p)
                ? p
                : throw TuningInputException.For($"{field}.expectedPriority", "One of low, normal, high, urgent.");
        }

        return new LabelledExample(text, locale, category.Code, priority);
    }

    private static string Describe(List<LabelledExample> examples)
    {
        var byCategory = examples.GroupBy(e => e.CategoryCode).Select(g => $"{g.Count()} to {g.Key}");
        return $"added {examples.Count} example{(examples.Count == 1 ? "" : "s")}: {string.Join(", ", byCategory)}";
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

public sealed record ExampleInput(string? Text, string? Category, string? Locale, string? ExpectedPriority);

public sealed record ExamplesAddition(int Added, int AlreadyPresent, ClassifierVersion Version);

public sealed record SimilarExample(LabelledExample Example, float Similarity);

public sealed record CategorySummary(string Code, IReadOnlyDictionary<string, string> Description, Priority DefaultPriority, int Examples, int Photos);
