using System.Text.Json;
using System.Text.Json.Serialization;
using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;

namespace CivicConnect.Intelligence.Definitions;

/// <summary>
/// Reads the shipped definition from <c>prompts/</c> (format in prompts/README.md):
/// <c>classifier.json</c> (version, label), one <c>categories/CODE.json</c> per category
/// (description, default priority, urgent phrases, examples), optional
/// <c>categories/*.examples.json</c> files of imported examples, and the prompt template
/// <c>classify/skprompt.txt</c>. A broken file is refused with its name, never half-loaded.
/// </summary>
public static class ClassifierDefinitionLoader
{
    public const string ImportedExamplesSuffix = ".examples.json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    public static ClassifierDefinition Load(string promptsDirectory)
    {
        var header = Read<HeaderFile>(Path.Combine(promptsDirectory, "classifier.json"));
        var categoriesDirectory = Path.Combine(promptsDirectory, "categories");
        var categories = new List<CategoryDefinition>();
        var examples = new List<LabelledExample>();
        foreach (var path in Directory.EnumerateFiles(categoriesDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            if (path.EndsWith(ImportedExamplesSuffix, StringComparison.Ordinal))
            {
                examples.AddRange(ReadExamples(path));
                continue;
            }

            var file = Read<CategoryFile>(path);
            if (string.IsNullOrWhiteSpace(file.Code) || file.Description is null || file.Description.Count == 0)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)}: a category needs a code and a description");
            }

            categories.Add(new CategoryDefinition(
                file.Code,
                file.Description,
                file.DefaultPriority ?? Priority.Normal,
                (file.UrgentPhrases ?? []).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.OrdinalIgnoreCase)));
            examples.AddRange((file.Examples ?? []).Select(e => ToExample(e, file.Code, path)));
        }

        var known = categories.Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var stray = examples.FirstOrDefault(e => !known.Contains(e.CategoryCode));
        if (stray is not null)
        {
            throw new InvalidDataException($"example \"{stray.Text}\" names an unknown category '{stray.CategoryCode}'");
        }

        var template = File.ReadAllText(Path.Combine(promptsDirectory, "classify", "skprompt.txt"));
        return new ClassifierDefinition(header.Version, header.Label ?? "shipped", categories, examples, template);
    }

    /// <summary>Reads a file of imported examples (what <c>civic train</c> writes).</summary>
    public static IReadOnlyList<LabelledExample> ReadExamples(string path) =>
        Read<List<ExampleEntry>>(path).Select(e => ToExample(e, e.Category, path)).ToList();

    public static void WriteExamples(string path, IEnumerable<LabelledExample> examples)
    {
        var entries = examples.Select(e => new ExampleEntry(e.Text, e.Locale, e.ExpectedPriority, e.CategoryCode)).ToList();
        File.WriteAllText(path, JsonSerializer.Serialize(entries, Json) + "\n");
    }

    private static LabelledExample ToExample(ExampleEntry entry, string? category, string path)
    {
        if (string.IsNullOrWhiteSpace(entry.Text) || string.IsNullOrWhiteSpace(category))
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: every example needs a text and a category");
        }

        return new LabelledExample(entry.Text.Trim(), entry.Locale ?? "en", category, entry.Priority);
    }

    private static T Read<T>(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{Path.GetFileName(path)} is empty");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: {ex.Message}", ex);
        }
    }

    private sealed record HeaderFile(int Version, string? Label);

    private sealed record CategoryFile(
        string Code,
        Dictionary<string, string>? Description,
        Priority? DefaultPriority,
        Dictionary<string, List<string>>? UrgentPhrases,
        List<ExampleEntry>? Examples);

    private sealed record ExampleEntry(string Text, string? Locale, Priority? Priority, string? Category = null);
}
