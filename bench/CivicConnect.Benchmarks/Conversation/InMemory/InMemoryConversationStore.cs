using CivicConnect.Channels.Turns;
using CivicConnect.Conversation.State;

namespace CivicConnect.Benchmarks.Conversation.InMemory;

/// <summary>
/// Conversation state by address, kept as the JSON the server would write to the conversations
/// row: every turn reads it with <see cref="ConversationStateSerializer.Read"/> and writes it back
/// with <see cref="ConversationStateSerializer.Write"/>, as the turn processor does.
/// </summary>
public sealed class InMemoryConversationStore
{
    private readonly Dictionary<string, (Guid Id, string Json)> rows = new(StringComparer.Ordinal);

    public int Count => rows.Count;

    public (Guid Id, ConversationState State) Load(string address, Func<Guid> newId)
    {
        if (!rows.TryGetValue(address, out var row))
        {
            row = (newId(), "{}");
            rows[address] = row;
        }

        return (row.Id, ConversationStateSerializer.Read(row.Json, ConversationState.CurrentSchemaVersion));
    }

    public void Save(string address, Guid id, ConversationState state) => rows[address] = (id, ConversationStateSerializer.Write(state));

    public void Remove(string address) => rows.Remove(address);
}
