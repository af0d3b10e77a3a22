namespace CivicConnect.Messaging.Outbox;

/// <summary>One channel's sending limits; an unset value takes the outbox-wide default from <see cref="MessagingOptions"/>.</summary>
public sealed class OutboxChannelLimits
{
    public int? Concurrency { get; set; }

    public double? SendsPerSecond { get; set; }
}
