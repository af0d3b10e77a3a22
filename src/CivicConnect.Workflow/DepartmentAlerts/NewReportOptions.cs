using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Workflow.DepartmentAlerts;

/// <summary>Section <c>NewReports</c>: when the digest for departments set to <c>hourly</c> is written.</summary>
public sealed class NewReportOptions
{
    public const string SectionName = "NewReports";

    /// <summary>A Quartz cron expression (seconds first); by default at the top of every hour.</summary>
    [Required]
    public string DigestSchedule { get; set; } = "0 0 * * * ?";
}
