using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Workflow.Notifications;

/// <summary>When citizens may be messaged about their issues. Times are city local time (<c>City:TimeZone</c>).</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Non-urgent notifications written from this time…</summary>
    [Required]
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);

    /// <summary>…are held back until this time (the next morning when it is earlier than the start).</summary>
    [Required]
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>
    /// The public address of this service (e.g. <c>https://311.calgary.ca</c>): every notification
    /// then ends with the report's status page link (<c>/r/{reference}?k={key}</c>). Unset: no link.
    /// </summary>
    public Uri? StatusPageBaseUrl { get; set; }
}
