using System.Text.Json.Nodes;
using CivicConnect.Core.Messages;

namespace CivicConnect.Channels.DirectLine.Inbound;

/// <summary>
/// A Bot Framework activity a client posted, checked and ready to store. <see cref="Json"/> keeps
/// every field the client sent (channelData included: Web Chat matches its pending message by
/// <c>channelData.clientActivityID</c>), plus the fields the server owns.
/// </summary>
internal sealed record IncomingActivity(
    JsonObject Json,
    string Type,
    string? Text,
    string? Locale,
    string? FromId,
    string? FromName,
    GeoLocation? Location,
    string? ClientActivityId)
{
    public const string MessageType = "message";

    /// <summary>The event Web Chat pages post once connected (<c>WEB_CHAT/SEND_EVENT</c> named <c>webchat/join</c>).</summary>
    public const string JoinEventName = "webchat/join";

    public bool IsMessage => string.Equals(Type, MessageType, StringComparison.OrdinalIgnoreCase);

    public bool IsJoin => string.Equals(Type, "event", StringComparison.OrdinalIgnoreCase)
        && Json["name"] is JsonValue name && name.TryGetValue<string>(out var value) && value == JoinEventName;
}
