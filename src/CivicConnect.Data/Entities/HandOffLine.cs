namespace CivicConnect.Data.Entities;

/// <summary>One line of a hand-off's transcript: what the citizen, the agent or the bot said while it was open.</summary>
public sealed class HandOffLine
{
    public long Id { get; set; }

    public long HandOffId { get; set; }

    public HandOffSpeaker Speaker { get; set; }

    /// <summary>The agent's name on agent lines; null for the citizen and the bot.</summary>
    public string? Author { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset At { get; set; }
}

public enum HandOffSpeaker
{
    Citizen,
    Agent,
    Bot,
}
