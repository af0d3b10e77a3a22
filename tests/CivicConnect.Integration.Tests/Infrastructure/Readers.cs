using CivicConnect.Staff.Reports;

namespace CivicConnect.Integration.Tests.Infrastructure;

/// <summary>Readers of reports for query tests, as <see cref="ReportViewer.From"/> would read them from a token.</summary>
internal static class Readers
{
    public static readonly ReportViewer Supervisor = new("Sam Supervisor", "sup-1", null, ViewerKind.Supervisor);

    public static ReportViewer Staff(string? department, bool triage = false) =>
        new($"{department ?? "no"}-staff", $"{department ?? "no"}-staff-sub", department?.ToUpperInvariant(), ViewerKind.Staff, triage);

    public static ReportViewer FieldWorker(string name, string? department) =>
        new(name, name + "-sub", department?.ToUpperInvariant(), ViewerKind.FieldWorker);
}
