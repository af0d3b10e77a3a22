namespace CivicConnect.Messaging.Outbox;

/// <summary>What an outbox row is: an answer in a conversation, or a notification or alert nobody asked for just then.</summary>
public static class OutboxKinds
{
    public const string Reply = "reply";
    public const string Notification = "notification";

    /// <summary>The one message an opted-out citizen still gets: that the opt-out was honoured.</summary>
    public const string OptOutNotice = "opt-out-notice";

    /// <summary>
    /// A machine-readable event for an outside system (a CloudEvent about a report): its body is
    /// written once, complete, and sent as is; see <see cref="IOutbox.EnqueueEvent"/>.
    /// </summary>
    public const string Event = "event";
}
