using CivicConnect.Core.Text;

namespace CivicConnect.Data.Entities;

public sealed class Department
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required LocalizedText Name { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>The department's own system (work-order tool, chat bridge): escalation alerts are POSTed here as signed JSON.</summary>
    public string? WebhookUrl { get; set; }

    public int DefaultSlaHours { get; set; }

    /// <summary>Whether and how the department is told about the reports routed to it (mail to the contact, and the webhook).</summary>
    public NewReportNotice NewReports { get; set; }

    /// <summary>The language its alerts are written in ("en" or "fr").</summary>
    public string Locale { get; set; } = "en";
}
