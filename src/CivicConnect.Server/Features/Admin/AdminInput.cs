using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Tuning;
using CivicConnect.Server.Hosting;

namespace CivicConnect.Server.Features.Admin;

/// <summary>Checks shared by the admin handlers; each failure is a 400 with the field that is wrong.</summary>
internal static class AdminInput
{
    public const int MaxExampleLength = 500;
    public const int MaxDescriptionLength = 2000;
    public const int MaxPromptLength = 20_000;
    public const int MaxExamplesPerRequest = 500;

    public static string Text(string field, string? value, int maxLength)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw RequestValidationException.For(field, "Required; it cannot be empty.");
        }

        if (text.Length > maxLength)
        {
            throw RequestValidationException.For(field, $"At most {maxLength} characters ({text.Length} given).");
        }

        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw RequestValidationException.For(field, "Contains control characters.");
        }

        return text;
    }

    public static string Locale(string field, string? value, string fallback)
    {
        var locale = string.IsNullOrWhiteSpace(value) ? fallback : value.Trim().ToLowerInvariant();
        return locale.Length is >= 2 and <= 10 && locale.All(c => char.IsAsciiLetterLower(c) || c == '-')
            ? locale
            : throw RequestValidationException.For(field, "A language code such as 'en' or 'fr'.");
    }

    public static CategoryDefinition Category(string field, string? code, ClassifierSnapshot snapshot) =>
        snapshot.Definition.Find(code?.Trim() ?? string.Empty)
        ?? throw RequestValidationException.For(field, $"Unknown category '{code}'. Known: {string.Join(", ", snapshot.Definition.Categories.Select(c => c.Code))}.");
}
