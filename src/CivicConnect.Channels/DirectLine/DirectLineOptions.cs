using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Channels.DirectLine;

/// <summary>The Direct Line 3.0-compatible API used by Web Chat and the city's mobile app.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// Used only in Development when no secret is configured, so `civic run` works with nothing set up.
    /// It is public, so any other environment refuses to start with it.
    /// </summary>
    public const string DevelopmentSecret = "civicconnect-development-directline-secret-do-not-use-in-production";

    /// <summary>The Direct Line secret: trusted back ends and the app's server exchange it for tokens. It also keys token signatures.</summary>
    public string? Secret { get; set; }

    /// <summary>How long a token is valid; Direct Line clients refresh at half of Direct Line's 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = 5_000;

    /// <summary>Largest JSON activity accepted, in bytes.</summary>
    [Range(1_024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    [Range(1, 20)]
    public int MaxFilesPerUpload { get; set; } = 4;

    /// <summary>How often an idle stream gets an empty frame, so proxies and phones keep the socket open.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Streams re-read the transcript this often even without a notification (a lost NOTIFY, a restarted listener).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Tokens handed to the public web page per client IP address and minute.</summary>
    [Range(1, 10_000)]
    public int WebChatTokensPerMinute { get; set; } = 10;

    /// <summary>
    /// Activities one conversation may post per minute (default 30: a person types far slower).
    /// One token serves one conversation, so this is also the limit per token; more is a 429 with Retry-After.
    /// </summary>
    [Range(1, 10_000)]
    public int ActivitiesPerMinute { get; set; } = 30;

    /// <summary>Photo uploads one conversation may make per minute (default 10); more is a 429 with Retry-After.</summary>
    [Range(1, 10_000)]
    public int UploadsPerMinute { get; set; } = 10;

    /// <summary>
    /// The longest a conversation's tokens can be refreshed for, from its first token (default 24 h):
    /// a free web-chat token cannot be kept alive forever. Tokens never expire later than this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan MaxConversationLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// What one conversation may store, in bytes (default 50 MB): the citizen's activities as kept
    /// in the transcript plus their stored photos. More is a 429 with Retry-After until the
    /// conversation's lifetime ends; a real report takes a few KB and a few photos.
    /// </summary>
    [Range(64 * 1024, 10L * 1024 * 1024 * 1024)]
    public long MaxStoredBytesPerConversation { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// WebSocket streams one conversation may hold open on a node at once (default 3: a couple of
    /// tabs and a reconnect); one more is a 429 with Retry-After.
    /// </summary>
    [Range(1, 100)]
    public int MaxStreamsPerConversation { get; set; } = 3;

    /// <summary>
    /// Absolute base address (e.g. https://311.example.org) used to turn relative card image links
    /// into absolute ones in bot replies, which are written without a request at hand. Optional.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
