using CivicConnect.Intelligence.Definitions;

namespace CivicConnect.Intelligence.Tuning;

/// <summary>Checks every tuning surface (API and console) applies; each failure names the field that is wrong.</summary>
public static class TuningInput
{
    public const int MaxExampleLength = 500;
    public const int MaxDescriptionLength = 2000;
    public const int MaxPromptLength = 20_000;
    public const int MaxExamplesPerRequest = 500;
    public const int MaxReasonLength = 2000;

    public static string Text(string field, string? value, int maxLength)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw TuningInputException.For(field, "Required; it cannot be empty.");
        }

        if (text.Length > maxLength)
        {
            throw TuningInputException.For(field, $"At most {maxLength} characters ({text.Length} given).");
        }

        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw TuningInputException.For(field, "Contains control characters.");
        }

        return text;
    }

    public static string Locale(string field, string? value, string fallback)
    {
        var locale = string.IsNullOrWhiteSpace(value) ? fallback : value.Trim().ToLowerInvariant();
        return locale.Length is >= 2 and <= 10 && locale.All(c => char.IsAsciiLetterLower(c) || c == '-')
            ? locale
            : throw TuningInputException.For(field, "A language code such as 'en' or 'fr'.");
    }

    public static CategoryDefinition Category(string field, string? code, ClassifierSnapshot snapshot) =>
        snapshot.Definition.Find(code?.Trim() ?? string.Empty)
        ?? throw TuningInputException.For(field, $"Unknown category '{code}'. Known: {string.Join(", ", snapshot.Definition.Categories.Select(c => c.Code))}.");
}
