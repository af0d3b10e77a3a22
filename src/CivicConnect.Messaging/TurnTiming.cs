namespace CivicConnect.Messaging;

/// <summary>When a committed inbound message gets its turn.</summary>
public enum TurnTiming
{
    /// <summary>
    /// The webhook answers as soon as the message is committed and a worker on this node runs the
    /// turn right after. Providers time out webhooks (Twilio after 15 s) and retry, so the answer
    /// must not wait for the classifier; production uses this.
    /// </summary>
    Queued,

    /// <summary>The turn runs before the webhook answers. Tests use it to read the outcome of a message as soon as it is posted.</summary>
    InRequest,

    /// <summary>Every message waits for the sweeper, as after a crash; for crash drills.</summary>
    SweeperOnly,
}
