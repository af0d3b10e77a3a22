using System.Globalization;
using System.Text;
using CivicConnect.Core.Issues;

namespace CivicConnect.Workflow.DepartmentAlerts;

/// <summary>
/// What a department reads about new reports, in its own language (English or French). The first
/// line carries the reference number (or the count): it becomes the mail subject.
/// </summary>
public static class NewReportWording
{
    public static string Immediate(string locale, NewReportLine report, string department) =>
        IsFrench(locale)
            ? Invariant($"Nouveau signalement 311 nº {report.Reference} pour {department} : {report.Category}, {report.Address ?? "adresse inconnue"}\n\nPriorité {Priority(locale, report.Priority)}, échéance {report.Deadline:yyyy-MM-dd HH:mm} UTC.\n\n{report.Description}")
            : Invariant($"New 311 report #{report.Reference} for {department}: {report.Category}, {report.Address ?? "address unknown"}\n\nPriority {Priority(locale, report.Priority)}, due {report.Deadline:yyyy-MM-dd HH:mm} UTC.\n\n{report.Description}");

    public static string Digest(string locale, string department, IReadOnlyList<NewReportLine> reports)
    {
        var french = IsFrench(locale);
        var text = new StringBuilder();
        text.Append(french
            ? Invariant($"Résumé 311 pour {department} : {reports.Count} {(reports.Count == 1 ? "nouveau signalement" : "nouveaux signalements")}")
            : Invariant($"311 digest for {department}: {reports.Count} new {(reports.Count == 1 ? "report" : "reports")}"));
        text.Append('\n');
        foreach (var report in reports)
        {
            text.Append('\n').Append(french
                ? Invariant($"- nº {report.Reference} {report.Category}, {report.Address ?? "adresse inconnue"} (priorité {Priority(locale, report.Priority)}, reçu le {report.RoutedAt:yyyy-MM-dd HH:mm} UTC)")
                : Invariant($"- #{report.Reference} {report.Category}, {report.Address ?? "address unknown"} (priority {Priority(locale, report.Priority)}, received {report.RoutedAt:yyyy-MM-dd HH:mm} UTC)"));
        }

        return text.ToString();
    }

    private static bool IsFrench(string locale) => locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase);

    private static string Priority(string locale, Priority priority) => IsFrench(locale)
        ? priority switch
        {
            Core.Issues.Priority.Low => "basse",
            Core.Issues.Priority.High => "haute",
            Core.Issues.Priority.Urgent => "urgente",
            _ => "normale",
        }
        : priority.ToString().ToLowerInvariant();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One report as an alert lists it (category name already in the department's language).</summary>
public sealed record NewReportLine(int Reference, string Category, string? Address, Priority Priority, DateTimeOffset? Deadline, DateTimeOffset RoutedAt, string Description);
