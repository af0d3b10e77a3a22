namespace CivicConnect.Conversation.Engine;

/// <summary>What a turn does after an interruption or an answer has been read.</summary>
public enum TurnOutcome
{
    /// <summary>Move on: ask for whatever is missing next.</summary>
    Continue,

    /// <summary>The turn said all it needs to (submitted, discarded, asked its own question).</summary>
    Done,
}
