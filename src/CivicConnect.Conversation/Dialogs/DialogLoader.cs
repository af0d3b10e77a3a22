using System.Text.Json;
using CivicConnect.Conversation.Engine.Steps;

namespace CivicConnect.Conversation.Dialogs;

/// <summary>Reads and checks a dialogs folder; a broken file is reported with its name and what is wrong.</summary>
public static class DialogLoader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static DialogSet Load(string directory, string intakeFile = "intake.json")
    {
        var intake = Read<IntakeDefinition>(Path.Combine(directory, intakeFile));
        var locales = new Dictionary<string, LocaleText>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.GetFiles(directory, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name.Length is 2 or 5)
            {
                var text = Read<LocaleText>(file);
                locales[text.Locale] = text;
            }
        }

        var followUpsPath = Path.Combine(directory, "followups.json");
        var followUps = File.Exists(followUpsPath)
            ? Read<FollowUpFile>(followUpsPath).Categories.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<FollowUpAttribute>)kv.Value.OrderBy(a => a.Order).ToList(), StringComparer.OrdinalIgnoreCase)
            : [];

        var set = new DialogSet(intake, locales, followUps);
        Validate(set, directory);
        return set;
    }

    private static T Read<T>(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, Options) ?? throw new InvalidDataException($"{Path.GetFileName(path)} is empty");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: {ex.Message}", ex);
        }
    }

    private static void Validate(DialogSet set, string directory)
    {
        var problems = new List<string>();
        foreach (var step in set.Intake.Steps)
        {
            if (!IntakeSteps.ById.ContainsKey(step.Id))
            {
                problems.Add($"intake: unknown step '{step.Id}'");
            }
        }

        if (set.Locales.Count == 0)
        {
            problems.Add("no locale files (en.json, fr.json, …)");
        }

        // Every locale must say everything any other one says, so no citizen ever sees a missing
        // text. Channel variants ("help.sms") are optional: the plain key is the fallback.
        var allKeys = set.Locales.Values.SelectMany(l => l.Messages.Keys).Where(k => !k.Contains('.', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        foreach (var locale in set.Locales.Values.OrderBy(l => l.Locale, StringComparer.Ordinal))
        {
            foreach (var key in allKeys.Where(k => !locale.Messages.ContainsKey(k)).Order(StringComparer.Ordinal))
            {
                problems.Add($"{locale.Locale}.json: message '{key}' is missing");
            }
        }

        foreach (var (category, attributes) in set.FollowUps)
        {
            foreach (var attribute in attributes.Where(a => a.Datatype is AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList && (a.Values is null || a.Values.Count == 0)))
            {
                problems.Add($"followups: {category}.{attribute.Code} is a list without values");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"dialogs in {directory}: {string.Join("; ", problems)}");
        }
    }
}
