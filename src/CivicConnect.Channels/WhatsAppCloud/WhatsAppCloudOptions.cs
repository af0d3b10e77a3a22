using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Channels.WhatsAppCloud;

/// <summary>Meta's WhatsApp Cloud API (section <c>WhatsAppCloud</c>). Unconfigured means the channel is off.</summary>
public sealed class WhatsAppCloudOptions
{
    public const string SectionName = "WhatsAppCloud";

    public const string DefaultGraphBaseUrl = "https://graph.facebook.com";

    /// <summary>The Meta app's secret: webhooks are signed with it (X-Hub-Signature-256). Environment variable WhatsAppCloud__AppSecret.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The word typed into the Meta console when subscribing the webhook; echoed back only to a matching verification request.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>A system-user access token for the Graph API (sending, media). A secret.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The city's WhatsApp business phone number id (not the number itself).</summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>Where Graph API calls go; only tests change it.</summary>
    [Required]
    public Uri GraphBaseUrl { get; set; } = new(DefaultGraphBaseUrl);

    [Required, RegularExpression(@"^v\d+\.\d+$")]
    public string GraphApiVersion { get; set; } = "v21.0";

    /// <summary>Largest webhook body accepted; Meta batches at most a few KB per change.</summary>
    [Range(1_024, 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Hosts a media file's download URL may point at besides <see cref="GraphBaseUrl"/>'s (Meta's
    /// media CDN). The access token goes with the download, so it is never sent anywhere else.
    /// </summary>
    public string[] MediaHosts { get; set; } = ["lookaside.fbsbx.com"];

    /// <summary>Photo bytes kept from one message.</summary>
    [Range(1_024, 100 * 1024 * 1024)]
    public long MaxMediaBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// Name of an approved template (one body parameter, in each city locale) for notifications
    /// outside the 24-hour window. Unset: SMS fallback, or not sent.
    /// </summary>
    public string? NotificationTemplate { get; set; }

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(AppSecret) && !string.IsNullOrWhiteSpace(VerifyToken)
        && !string.IsNullOrWhiteSpace(AccessToken) && !string.IsNullOrWhiteSpace(PhoneNumberId);
}
