using System.Text.Json;
using System.Text.Json.Serialization;

namespace CivicConnect.Messaging;

/// <summary>
/// The one JSON shape of what the message path stores as jsonb: inbox activities, outbox payloads
/// and (through the turn processor) the conversation state. Changing it changes stored rows.
/// </summary>
public static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
