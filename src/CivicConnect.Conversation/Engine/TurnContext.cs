using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.State;

namespace CivicConnect.Conversation.Engine;

/// <summary>One inbound activity and the conversation state it arrives into.</summary>
public sealed record TurnContext(Guid ConversationId, Activity Activity, ConversationState State);

/// <param name="HandOffRequested">True when the citizen asked for (or accepted) a person this turn.</param>
public sealed record TurnResult(ConversationState State, IReadOnlyList<Reply> Replies, string Locale, bool HandOffRequested);
