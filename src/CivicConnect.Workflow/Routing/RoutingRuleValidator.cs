using System.Net.Mail;
using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Workflow.Routing;

/// <summary>Checks a draft rule set against the catalogue before it is published or simulated; collects every problem, keyed by JSON path.</summary>
public sealed class RoutingRuleValidator(CivicDbContext db)
{
    public async Task<Dictionary<string, string[]>> ValidateAsync(RoutingRuleSet rules, CancellationToken cancellationToken)
    {
        var departments = (await db.Departments.AsNoTracking().Select(d => d.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var categories = (await db.ServiceCategories.AsNoTracking().Select(c => c.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wards = (await db.Wards.AsNoTracking().Select(w => w.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, List<string>>();
        void Fail(string path, string message)
        {
            if (!errors.TryGetValue(path, out var list))
            {
                errors[path] = list = [];
            }

            list.Add(message);
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Rules.Count; i++)
        {
            var rule = rules.Rules[i];
            var path = $"rules[{i}]";
            if (string.IsNullOrWhiteSpace(rule.Name) || !names.Add(rule.Name))
            {
                Fail($"{path}.name", "Every rule needs a name of its own.");
            }

            foreach (var category in rule.Match.Categories.Where(c => !categories.Contains(c)))
            {
                Fail($"{path}.match.categories", $"There is no category '{category}'.");
            }

            foreach (var ward in rule.Match.Wards.Where(w => !wards.Contains(w)))
            {
                Fail($"{path}.match.wards", $"There is no ward '{ward}'.");
            }

            if (rule.Match.TimeOfDay is { } window)
            {
                try
                {
                    RoutingEngine.ParseWindow(window);
                }
                catch (FormatException ex)
                {
                    Fail($"{path}.match.timeOfDay", ex.Message);
                }
            }

            CheckOutcome($"{path}.then", rule.Then);
        }

        CheckOutcome("default", rules.Default);
        foreach (var (department, hours) in rules.BusinessHours)
        {
            var path = $"businessHours.{department}";
            if (!departments.Contains(department))
            {
                Fail(path, $"There is no department '{department}'.");
            }

            if (!TimeOnly.TryParseExact(hours.Open, "HH:mm", out var open) || !TimeOnly.TryParseExact(hours.Close, "HH:mm", out var close) || close <= open)
            {
                Fail(path, "open and close must be HH:mm with close after open.");
            }

            if (hours.Days.Count == 0)
            {
                Fail($"{path}.days", "At least one working day is needed.");
            }

            if (hours.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                Fail($"{path}.timeZone", $"'{zone}' is not a known time zone.");
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

        void CheckOutcome(string path, RoutingOutcome outcome)
        {
            if (outcome.Department is { } department && !departments.Contains(department))
            {
                Fail($"{path}.department", $"There is no department '{department}'.");
            }

            if (outcome.SlaHours is { } sla && sla is <= 0 or > 24 * 365)
            {
                Fail($"{path}.slaHours", "The SLA must be more than 0 and at most a year of hours.");
            }

            foreach (var alert in outcome.Alert.Where(a => !IsAlertAddress(a)))
            {
                Fail($"{path}.alert", $"'{alert}' is neither an e-mail address nor an https URL.");
            }
        }
    }

    public static bool IsAlertAddress(string alert) =>
        Uri.TryCreate(alert, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
        || IsEmailAddress(alert);

    public static bool IsEmailAddress(string address) =>
        !address.Contains("://", StringComparison.Ordinal) && MailAddress.TryCreate(address, out _);
}
