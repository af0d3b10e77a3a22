using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Channels.Alerts;

/// <summary>
/// Section <c>Webhook</c>: staff alerts POSTed as JSON to a department's system. Without a secret
/// the <c>webhook</c> channel is off (rows end as failed, "not configured"): an unsigned alert
/// could be forged by anyone who learns the URL, so none is sent.
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhook";

    /// <summary>HMAC-SHA256 key the receivers share (environment variable Webhook__Secret); at least 32 characters.</summary>
    [MinLength(32)]
    public string? Secret { get; set; }

    /// <summary>
    /// Hosts (names or IP literals) a webhook may reach although they are not public — an internal
    /// work-order system, a relay on this machine. Everything else must be https to a public address.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Secret);
}
