using CivicConnect.Conversation.Ports;

namespace CivicConnect.Conversation.Testing;

/// <summary>Agents answer around the clock: a hand-off request is never told to wait for opening hours.</summary>
public sealed class AgentsAlwaysIn : IHandOffHours
{
    public DateTimeOffset? NextOpening(DateTimeOffset now) => null;
}
