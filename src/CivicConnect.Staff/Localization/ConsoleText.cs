using System.Collections.Frozen;
using System.Globalization;

namespace CivicConnect.Staff.Localization;

/// <summary>
/// The console's wording in the current UI culture (French for any <c>fr</c> culture, else
/// English). Inject it into a page as <c>T</c>: <c>@T["queue.title"]</c>; placeholders take
/// <c>string.Format</c> arguments: <c>T.Format("queue.count", total)</c>.
/// </summary>
public sealed class ConsoleText
{
    private readonly FrozenDictionary<string, ConsoleString> strings;

    public ConsoleText(IEnumerable<IConsoleStrings> areas)
    {
        var all = new Dictionary<string, ConsoleString>(StringComparer.Ordinal);
        foreach (var line in areas.SelectMany(a => a.Strings))
        {
            if (!all.TryAdd(line.Key, line))
            {
                throw new InvalidOperationException($"The console text key '{line.Key}' is defined twice.");
            }
        }

        strings = all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static bool IsFrench => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";

    /// <summary>The text for <paramref name="key"/>; an unknown key shows itself, so a missing string is visible, not blank.</summary>
    public string this[string key] => strings.TryGetValue(key, out var line) ? (IsFrench ? line.Fr : line.En) : key;

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, this[key], args);

    /// <summary>Every key with both wordings (a test checks none is blank).</summary>
    public IEnumerable<ConsoleString> All => strings.Values;
}
