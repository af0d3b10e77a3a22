using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Channels;

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
}
