using System.Text.Json.Serialization;
using CivicConnect.Messaging.Outbox;

namespace CivicConnect.Channels.CitizenPush;

/// <summary>
/// What a push notification shows, from a notification's reply: the card title ("Report #1012"),
/// the sentence, and the status page it opens. The same for browsers (the service worker reads
/// this JSON) and for the app (FCM notification + data).
/// </summary>
public sealed record PushContent(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("lang")] string Lang)
{
    public static PushContent Of(OutboundMessage message) =>
        new(message.Reply.Card?.Title ?? "311", message.Reply.Text, message.Reply.Link, message.Locale);
}
