using System.ComponentModel.DataAnnotations;
using CivicConnect.Messaging.Outbox;

namespace CivicConnect.Messaging;

public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>How often each node looks for inbox messages a crash left unprocessed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An unprocessed message younger than this is left to the fast path.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the outbox is polled when nothing wakes it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Delivery attempts before a message is marked failed (and shown on the admin endpoint).</summary>
    [Range(1, 50)]
    public int OutboxMaxAttempts { get; set; } = 8;

    /// <summary>
    /// Provider calls in flight at once per channel. A provider answers in a few hundred
    /// milliseconds, so one call at a time caps a node at about 3 messages a second.
    /// </summary>
    [Range(1, 1_024)]
    public int OutboxConcurrency { get; set; } = 64;

    /// <summary>
    /// Messages a second each channel may send (providers limit messages per second per sender
    /// number; each channel sends from the city's one number). 0 means no limit of ours.
    /// </summary>
    [Range(0d, 10_000d)]
    public double OutboxSendsPerSecond { get; set; }

    /// <summary>Per-channel overrides of <see cref="OutboxConcurrency"/> and <see cref="OutboxSendsPerSecond"/>, by channel id (e.g. <c>sms</c>).</summary>
    public Dictionary<string, OutboxChannelLimits> OutboxChannels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Rows one node holds claimed at once, across its channels (sending or waiting for a channel's turn).</summary>
    [Range(1, 4_096)]
    public int OutboxClaimLimit { get; set; } = 128;

    /// <summary>
    /// How long a claimed row belongs to the node that claimed it. A node that dies with rows
    /// claimed leaves them to the other nodes after this long; it must outlast one whole send
    /// (every retry and its delays inside it), or a slow send could be taken over and sent twice.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often a node looks for rows claimed by a node that is gone (its liveness lock released: killed,
    /// or restarted) and makes them due again, rather than waiting out <see cref="OutboxLease"/>. Zero: at every claim.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan OutboxDeadNodeCheck { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>When a committed inbound message gets its turn; see <see cref="TurnTiming"/>.</summary>
    public TurnTiming Turns { get; set; } = TurnTiming.Queued;

    /// <summary>Turns run at once by queued workers on this node (each turn is mostly classifier CPU and a few queries).</summary>
    [Range(1, 256)]
    public int TurnWorkers { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Conversations waiting for a worker; when full, the sweeper picks up the rest (nothing is lost, it is committed).</summary>
    [Range(1, 1_000_000)]
    public int TurnQueueCapacity { get; set; } = 10_000;

    /// <summary>Retries inside one send (429, 5xx, timeouts) before the outbox's own back-off takes over.</summary>
    [Range(0, 10)]
    public int ProviderRetries { get; set; } = 3;

    /// <summary>First retry delay inside one send; doubles each time, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan ProviderRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A Retry-After longer than this is left to the outbox (the row waits), not slept on while sending.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ProviderMaxInlineRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Longest single provider call. Generous on purpose: a call that times out may still have
    /// been accepted, and its retry would then send the message twice (neither Twilio nor Meta
    /// takes an idempotency key), so only a provider that is really stuck should hit it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan ProviderAttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open once <see cref="ProviderBreakerFailureRatio"/> of the calls in 30 s failed; then one call tries again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan ProviderBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The share of failed calls in 30 s that opens the breaker. The breaker is for outages: a provider that fails
    /// half its calls still delivers nearly every message through the retries (0.5⁴ of sends fail four times),
    /// while a breaker that opened at half would hold every message back 30 s at a time, again and again
    /// (the flaky-provider drill: 88 of 150 replies not out after 3 minutes at 0.5).
    /// </summary>
    [Range(0.1, 1.0)]
    public double ProviderBreakerFailureRatio { get; set; } = 0.8;

    /// <summary>Calls in the sampling window before the breaker may open.</summary>
    [Range(2, 1_000)]
    public int ProviderBreakerMinimumThroughput { get; set; } = 10;

    /// <summary>WhatsApp's customer-service window: free-form messages only this long after the citizen's last message.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan WhatsAppWindow { get; set; } = TimeSpan.FromHours(24);
}
