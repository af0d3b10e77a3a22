using System.Text.Json.Nodes;
using CivicConnect.Conversation.Activities;

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

    public bool IsMessage => string.Equals(Type, MessageType, StringComparison.OrdinalIgnoreCase);
}
