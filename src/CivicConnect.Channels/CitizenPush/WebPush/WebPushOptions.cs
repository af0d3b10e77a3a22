using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Channels.CitizenPush.WebPush;

/// <summary>
/// Section <c>WebPush</c>: the VAPID key pair (<c>civic vapid</c> makes one) that signs browser
/// push requests. Without it the chat offers no browser notifications and <c>webpush</c> rows
/// end as failed, "not configured". The private key is a secret (environment variable WebPush__PrivateKey).
/// </summary>
public sealed class WebPushOptions
{
    public const string SectionName = "WebPush";

    /// <summary>The P-256 public key, uncompressed point, base64url (65 bytes); the page subscribes with it.</summary>
    public string? PublicKey { get; set; }

    /// <summary>The P-256 private key, base64url (32 bytes).</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Who the push services may contact about our traffic: <c>mailto:</c> or an https URL.</summary>
    public string Subject { get; set; } = "mailto:311@example.org";

    /// <summary>
    /// Hosts (or domain suffixes) a subscription's endpoint may point at: the browsers' push
    /// services. The server posts to that URL, so anything else is refused at registration.
    /// </summary>
    public List<string> AllowedEndpointHosts { get; set; } =
        ["fcm.googleapis.com", "updates.push.services.mozilla.com", "notify.windows.com", "push.apple.com"];

    /// <summary>Plain http endpoints: only for a push-service stand-in on loopback in tests.</summary>
    public bool AllowHttpEndpoints { get; set; }

    /// <summary>How long the push service keeps a notification for a browser that is offline.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "28.00:00:00")]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromDays(2);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(PublicKey) && !string.IsNullOrWhiteSpace(PrivateKey);

    /// <summary>True when a browser's subscription endpoint is a push service we post to.</summary>
    public bool AcceptsEndpoint(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (AllowHttpEndpoints && uri.Scheme == Uri.UriSchemeHttp))
        && string.IsNullOrEmpty(uri.UserInfo)
        && AllowedEndpointHosts.Any(h => uri.Host.Equals(h, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));
}
