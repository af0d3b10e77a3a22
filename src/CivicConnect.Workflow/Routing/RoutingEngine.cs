using System.Globalization;
using CivicConnect.Core.Text;

namespace CivicConnect.Workflow.Routing;

/// <summary>First match wins; the default fills in; the category's own department, priority and SLA fill in after that.</summary>
public static class RoutingEngine
{
    public static RoutingDecision Route(RoutingRuleSet rules, RoutingInput input)
    {
        var folded = Words(input.Description);
        var rule = rules.Rules.FirstOrDefault(r => Matches(r.Match, input, folded));
        var outcome = rule?.Then ?? rules.Default;
        return new RoutingDecision(
            rule?.Name,
            outcome.Department ?? rules.Default.Department ?? input.CategoryDepartment,
            outcome.Priority ?? input.Priority,
            outcome.SlaHours ?? rules.Default.SlaHours ?? input.CategorySlaHours,
            outcome.Alert.Count > 0 ? outcome.Alert : rules.Default.Alert);
    }

    private static bool Matches(RoutingMatch match, RoutingInput input, string foldedDescription) =>
        (match.Categories.Count == 0 || match.Categories.Contains(input.CategoryCode, StringComparer.OrdinalIgnoreCase))
        && (match.Wards.Count == 0 || (input.WardCode is not null && match.Wards.Contains(input.WardCode, StringComparer.OrdinalIgnoreCase)))
        && (match.Priorities.Count == 0 || match.Priorities.Contains(input.Priority))
        && (match.Keywords.Count == 0 || match.Keywords.Any(k => foldedDescription.Contains(Words(k), StringComparison.Ordinal)))
        && (match.TimeOfDay is null || InWindow(match.TimeOfDay, input.LocalTime));

    /// <summary>Folded words between single spaces, so a keyword matches whole words only ("ice" not in "police").</summary>
    private static string Words(string text)
    {
        var words = new System.Text.StringBuilder(" ");
        foreach (var ch in TextFolding.FoldLower(text))
        {
            if (char.IsLetterOrDigit(ch))
            {
                words.Append(ch);
            }
            else if (words[^1] != ' ')
            {
                words.Append(' ');
            }
        }

        return words[^1] == ' ' ? words.ToString() : words.Append(' ').ToString();
    }

    /// <summary>"HH:mm-HH:mm", start inclusive, end exclusive; a window whose end is before its start wraps midnight.</summary>
    public static bool InWindow(string window, TimeOnly time)
    {
        var (from, to) = ParseWindow(window);
        return from <= to ? time >= from && time < to : time >= from || time < to;
    }

    public static (TimeOnly From, TimeOnly To) ParseWindow(string window)
    {
        var parts = window.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
                ? (from, to)
                : throw new FormatException($"'{window}' is not a time window like 21:00-07:00");
    }
}
