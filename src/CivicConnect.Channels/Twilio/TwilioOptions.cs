using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Channels.Twilio;

/// <summary>The Twilio account that carries SMS, MMS and WhatsApp. Unconfigured means the channel is off.</summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Twilio";

    public const string DefaultApiBaseUrl = "https://api.twilio.com";

    public string? AccountSid { get; set; }

    /// <summary>Signs webhooks and authenticates REST calls; a secret (environment variable Twilio__AuthToken).</summary>
    public string? AuthToken { get; set; }

    /// <summary>The city's SMS number (E.164) replies are sent from.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>The city's WhatsApp sender (E.164, without the <c>whatsapp:</c> prefix).</summary>
    public string? WhatsAppNumber { get; set; }

    /// <summary>Where REST calls go; only tests and regional edges change it.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new(DefaultApiBaseUrl);

    /// <summary>Region used to read numbers written without a country code.</summary>
    [Required, StringLength(2, MinimumLength = 2)]
    public string DefaultRegion { get; set; } = "CA";

    /// <summary>Largest webhook body accepted; Twilio's own are a few KB.</summary>
    [Range(1_024, 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Messages accepted from one number per minute on this node; more are answered 200 and
    /// dropped, so one phone flooding the service cannot starve everyone else's turns.
    /// </summary>
    [Range(1, 10_000)]
    public int InboundPerSenderPerMinute { get; set; } = 30;

    /// <summary>Files kept from one MMS or WhatsApp message; Twilio itself delivers at most 10.</summary>
    [Range(1, 10)]
    public int MaxMediaFiles { get; set; } = 10;

    /// <summary>Bytes kept from one message's files in all; Twilio's own MMS limit is 5 MB.</summary>
    [Range(1_024, 100 * 1024 * 1024)]
    public long MaxMediaBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// Content SID (HX…) of an approved WhatsApp template with one body variable {{1}}, used for
    /// notifications outside the 24-hour window. Unset: SMS fallback, or not sent.
    /// </summary>
    public string? WhatsAppTemplateContentSid { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken);
}
