using System.Text.Json;
using System.Text.Json.Serialization;

namespace CivicConnect.Channels.DirectLine.Protocol;

// Shapes of the Direct Line 3.0 REST API, spelled exactly as Bot Framework clients read them.

/// <summary>Answer of <c>tokens/generate</c>, <c>tokens/refresh</c> and <c>/api/webchat/token</c>.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>
/// Answer of <c>/api/webchat/token</c> and <c>/api/webchat/remember</c>: a token response, and whether
/// the token rejoins the citizen's open conversation (then the client reconnects to it and reads
/// its history rather than starting it).
/// </summary>
public sealed record CitizenTokenResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("resumed")] bool Resumed);

/// <summary>Optional body of <c>/api/webchat/token</c>, required by <c>/api/webchat/remember</c>: <c>{"citizenKey":"…"}</c>.</summary>
public sealed record CitizenTokenRequest([property: JsonPropertyName("citizenKey")] string? CitizenKey);

/// <summary>Answer of starting or reconnecting to a conversation.</summary>
public sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string StreamUrl);

/// <summary>Answer of posting an activity or an upload: the id the server gave it.</summary>
public sealed record ResourceResponse([property: JsonPropertyName("id")] string Id);

/// <summary>
/// Activities after a watermark, oldest first. The same shape is pushed on the stream.
/// Activities are kept as the JSON clients posted (plus server fields), so nothing a client sent is lost.
/// </summary>
public sealed record ActivitySet(
    [property: JsonPropertyName("activities")] IReadOnlyList<JsonElement> Activities,
    [property: JsonPropertyName("watermark"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Watermark);

/// <summary>Optional body of <c>tokens/generate</c> and <c>conversations</c>: <c>{"user":{"id":"dl_…","name":"…"}}</c>.</summary>
public sealed record TokenRequest([property: JsonPropertyName("user")] ChannelAccount? User);

public sealed record ChannelAccount(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name);
