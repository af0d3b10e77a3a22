namespace CivicConnect.Core.Messages;

/// <summary>
/// One message from a citizen, whatever channel it came on. Adapters build it; the dialog
/// engine reads nothing else. Modelled on the Bot Framework activity.
/// </summary>
/// <param name="Id">The provider's message id (Twilio MessageSid, WhatsApp wamid, Direct Line activity id).</param>
/// <param name="Channel">One of <see cref="ChannelIds"/>.</param>
/// <param name="Address">Who sent it on that channel: E.164 phone, WhatsApp id, Direct Line conversation id.</param>
/// <param name="MediaProblem">Set when the citizen sent files the channel could not accept (not a photo, too large, unreachable); the engine says so.</param>
public sealed record Activity(
    string Id,
    string Channel,
    string Address,
    string? Text,
    IReadOnlyList<ActivityAttachment> Attachments,
    GeoLocation? Location,
    string? Locale,
    DateTimeOffset Timestamp,
    string? SenderName = null,
    ActivityKind Kind = ActivityKind.Message,
    MediaProblem? MediaProblem = null)
{
    public static Activity FromText(string id, string channel, string address, string text, DateTimeOffset timestamp, string? locale = null) =>
        new(id, channel, address, text, [], null, locale, timestamp);
}

public enum ActivityKind
{
    /// <summary>Something the citizen said or sent.</summary>
    Message,

    /// <summary>The citizen opened the chat (Web Chat's join event): greet a new conversation, say nothing to an old one.</summary>
    ConversationStart,

    /// <summary>
    /// The first message over the sender's rate limit: answered once, politely, and not read as
    /// part of the dialog; later ones in the same window are dropped before the inbox.
    /// </summary>
    RateLimited,
}

/// <summary>A file the citizen sent: a photo, usually. Either stored already (<see cref="StoredPath"/>) or still at the provider (<see cref="Url"/>).</summary>
public sealed record ActivityAttachment(
    string ContentType,
    string? Url = null,
    string? StoredPath = null,
    string? ThumbnailPath = null,
    long SizeBytes = 0,
    string? Name = null,
    GeoLocation? EmbeddedLocation = null);

/// <summary>A point a citizen shared (pin, app GPS) or one read from a photo's EXIF.</summary>
/// <param name="CapturedAt">For a photo's GPS: when the camera took the fix (EXIF GPS date and time), if it wrote one.</param>
public sealed record GeoLocation(double Latitude, double Longitude, string? Label = null, LocationSource Source = LocationSource.Pin, DateTimeOffset? CapturedAt = null);

public enum LocationSource
{
    Pin,
    DeviceGps,
    PhotoExif,
    Address,
}

/// <summary>Why files a citizen sent were not kept; none of them is, so nothing is half-stored.</summary>
public enum MediaProblem
{
    /// <summary>Something other than a photo (a video, a PDF, a contact card …).</summary>
    NotAnImage,

    /// <summary>More, or larger, files than the channel accepts.</summary>
    TooLarge,

    /// <summary>A photo with more pixels than can be opened, however small the file.</summary>
    TooManyPixels,

    /// <summary>The provider could not hand the file over.</summary>
    Unavailable,
}
