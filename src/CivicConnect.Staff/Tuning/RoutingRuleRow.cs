using CivicConnect.Core.Issues;
using CivicConnect.Workflow.Routing;

namespace CivicConnect.Staff.Tuning;

/// <summary>
/// One routing rule as a row of text cells (lists comma-separated), so a supervisor edits the rules
/// as a table. Converting back names the cell that cannot be read; everything else about the rules
/// is checked by <see cref="RoutingRuleValidator"/> when the draft is saved.
/// </summary>
public sealed class RoutingRuleRow
{
    public string Name { get; set; } = string.Empty;

    public string Categories { get; set; } = string.Empty;

    public string Wards { get; set; } = string.Empty;

    public string Priorities { get; set; } = string.Empty;

    public string Keywords { get; set; } = string.Empty;

    public string TimeOfDay { get; set; } = string.Empty;

    public string Department { get; set; } = string.Empty;

    public string Priority { get; set; } = string.Empty;

    public string SlaHours { get; set; } = string.Empty;

    public string Alert { get; set; } = string.Empty;

    public static RoutingRuleRow From(RoutingRule rule) => new()
    {
        Name = rule.Name,
        Categories = string.Join(", ", rule.Match.Categories),
        Wards = string.Join(", ", rule.Match.Wards),
        Priorities = string.Join(", ", rule.Match.Priorities.Select(p => p.ToString().ToLowerInvariant())),
        Keywords = string.Join(", ", rule.Match.Keywords),
        TimeOfDay = rule.Match.TimeOfDay ?? string.Empty,
        Department = rule.Then.Department ?? string.Empty,
        Priority = rule.Then.Priority?.ToString().ToLowerInvariant() ?? string.Empty,
        SlaHours = rule.Then.SlaHours?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        Alert = string.Join(", ", rule.Then.Alert),
    };

    /// <summary>The rows as rules, keeping the default outcome and working hours of <paramref name="basis"/>.</summary>
    /// <exception cref="RoutingRulesInvalidException">A cell that is not a priority or a number.</exception>
    public static RoutingRuleSet ToRules(IReadOnlyList<RoutingRuleRow> rows, RoutingRuleSet basis)
    {
        var errors = new Dictionary<string, string[]>();
        var rules = rows.Select((row, i) => row.ToRule(i, errors)).ToList();
        return errors.Count > 0 ? throw new RoutingRulesInvalidException(errors) : basis with { Rules = rules };
    }

    private RoutingRule ToRule(int index, Dictionary<string, string[]> errors)
    {
        Priority? ParsePriority(string text, string path)
        {
            if (Enum.TryParse<Priority>(text.Trim(), ignoreCase: true, out var p) && Enum.IsDefined(p) && !int.TryParse(text, out _))
            {
                return p;
            }

            errors[path] = [$"'{text.Trim()}' is not a priority (low, normal, high, urgent)."];
            return null;
        }

        double? sla = null;
        if (SlaHours.Trim().Length > 0)
        {
            if (double.TryParse(SlaHours.Trim().Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var hours))
            {
                sla = hours;
            }
            else
            {
                errors[$"rules[{index}].then.slaHours"] = [$"'{SlaHours.Trim()}' is not a number of hours."];
            }
        }

        return new RoutingRule
        {
            Name = Name.Trim(),
            Match = new RoutingMatch
            {
                Categories = List(Categories),
                Wards = List(Wards),
                Priorities = List(Priorities).Select(p => ParsePriority(p, $"rules[{index}].match.priorities")).OfType<Priority>().ToList(),
                Keywords = List(Keywords),
                TimeOfDay = TimeOfDay.Trim().Length == 0 ? null : TimeOfDay.Trim(),
            },
            Then = new RoutingOutcome
            {
                Department = Department.Trim().Length == 0 ? null : Department.Trim(),
                Priority = Priority.Trim().Length == 0 ? null : ParsePriority(Priority, $"rules[{index}].then.priority"),
                SlaHours = sla,
                Alert = List(Alert),
            },
        };
    }

    private static List<string> List(string cell) =>
        cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
