using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Channels.Alerts;

/// <summary>
/// Section <c>Mail</c>: the SMTP server staff alerts (escalations, reminders) are sent through.
/// Without a host the <c>mail</c> channel is off and its outbox rows end as failed, "not configured".
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>The sender address, e.g. <c>311 Calgary &lt;noreply-311@calgary.ca&gt;</c>.</summary>
    public string? From { get; set; }

    public string? UserName { get; set; }

    /// <summary>A secret (environment variable Mail__Password); never in appsettings.json.</summary>
    public string? Password { get; set; }

    /// <summary>Upgrade the connection with STARTTLS (required when on). Off only for a relay on a trusted network; port 465 always uses TLS from the start.</summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>Longest wait for the SMTP server on any one step (connect, each command).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
