using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CivicConnect.Core.Telemetry;

/// <summary>
/// The service's own traces and metrics (OpenTelemetry source and meter <c>CivicConnect</c>): a span
/// per turn with its parts (classify, locate, duplicates, intake), per outbox send and per escalation
/// job; counters and histograms for turns, the classifier, the outbox and escalations; the inbox
/// backlog as a gauge. Exported only where an operator points <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
/// </summary>
public static class CivicTelemetry
{
    public const string Name = "CivicConnect";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Citizen messages whose turn ran, by channel.</summary>
    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("civic.turns", "{message}", "Citizen messages whose dialog turn ran");

    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("civic.turn.duration", "ms", "Time to run a conversation's pending messages (one transaction)");

    public static readonly Histogram<double> ClassifierDuration = Meter.CreateHistogram<double>("civic.classifier.duration", "ms", "Time to classify one description");

    /// <summary>Outbox rows handled, by channel and outcome (sent, retry, failed).</summary>
    public static readonly Counter<long> OutboxSends = Meter.CreateCounter<long>("civic.outbox.sends", "{message}", "Outbox messages handed to a provider, by channel and outcome");

    /// <summary>From the row's writing to the provider's acceptance.</summary>
    public static readonly Histogram<double> OutboxLag = Meter.CreateHistogram<double>("civic.outbox.lag", "s", "Time from writing a message to the provider accepting it");

    public static readonly Counter<long> Escalations = Meter.CreateCounter<long>("civic.escalations", "{issue}", "Deadlines that passed unresolved and escalated an issue");

    private static long inboxBacklog;

    static CivicTelemetry()
    {
        Meter.CreateObservableGauge("civic.inbox.backlog", () => Interlocked.Read(ref inboxBacklog), "{message}", "Inbox messages not processed yet, as the sweeper last counted");
    }

    /// <summary>Set by the inbox sweeper each time it counts.</summary>
    public static void ReportInboxBacklog(long count) => Interlocked.Exchange(ref inboxBacklog, count);

    /// <summary>A child span of the current turn; null (and free) when nobody listens.</summary>
    public static Activity? Start(string name, ActivityKind kind = ActivityKind.Internal) => Source.StartActivity(name, kind);
}
