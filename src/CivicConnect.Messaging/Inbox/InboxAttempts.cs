namespace CivicConnect.Messaging.Inbox;

/// <summary>How often an inbox message is tried before it is set aside.</summary>
public static class InboxAttempts
{
    /// <summary>After this many failed attempts an inbox message is set aside (logged), so one poison message cannot block a conversation.</summary>
    public const int Max = 5;
}
