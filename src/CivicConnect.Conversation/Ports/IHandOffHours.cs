namespace CivicConnect.Conversation.Ports;

/// <summary>
/// When 311 agents answer hand-offs, so a citizen who asks for a person is told honestly when
/// someone will answer.
/// </summary>
public interface IHandOffHours
{
    /// <summary>Null when agents are working at <paramref name="now"/>; otherwise when they next start.</summary>
    DateTimeOffset? NextOpening(DateTimeOffset now);
}
