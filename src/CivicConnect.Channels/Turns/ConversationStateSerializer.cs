using System.Text.Json;
using CivicConnect.Conversation.State;
using CivicConnect.Messaging;

namespace CivicConnect.Channels.Turns;

/// <summary>The one place conversation state becomes jsonb and back (in <see cref="MessageJson"/>'s shape), upgrading older schema versions on read.</summary>
public static class ConversationStateSerializer
{
    public static ConversationState Read(string json, int schemaVersion)
    {
        if (string.IsNullOrWhiteSpace(json) || json == "{}")
        {
            return new ConversationState();
        }

        var state = JsonSerializer.Deserialize<ConversationState>(json, MessageJson.Options) ?? new ConversationState();

        // Version 1 is the first; later versions add their upgrade steps here, oldest first.
        _ = schemaVersion;
        state.SchemaVersion = ConversationState.CurrentSchemaVersion;
        return state;
    }

    public static string Write(ConversationState state) => JsonSerializer.Serialize(state, MessageJson.Options);
}
