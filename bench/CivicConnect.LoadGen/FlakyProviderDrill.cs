using System.Globalization;

namespace CivicConnect.LoadGen;

/// <summary>
/// <c>--mode drill-flaky-provider</c>: the Twilio stand-in answers half its calls with a 500 or
/// 503 and sends nothing for them; 30 s of webhooks, then every reply must have reached it exactly
/// once (the provider's inline retries and the outbox's retries between them deliver the rest).
/// </summary>
internal static class FlakyProviderDrill
{
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(LoadOptions options)
    {
        using var provider = TwilioApiStandIn.StartFlaky(options.ApiPort, options.ProviderLatency, failureRate: 0.5);
        await using var server = await ServerHost.StartReadyAsync(options with { ServerLog = Path.ChangeExtension(options.ServerLog, "flaky.log") });
        var concurrency = KillDrill.Concurrency(options);
        var sent = await RetryingSender.RunAsync(options, concurrency, Load, TimeSpan.FromSeconds(30));
        var judged = await ExactlyOnce.JudgeAsync(sent.Accepted, provider, options.ReplyPatience);
        var unhandled = ExactlyOnce.UnhandledExceptionLines(server.Lines);
        var passed = judged.Holds && sent.Unacknowledged == 0 && sent.ServerErrors == 0 && unhandled == 0;
        Console.WriteLine(DrillTable.Markdown(
            string.Create(CultureInfo.InvariantCulture, $"Flaky provider drill: {Load.TotalSeconds:0} s of signed Twilio webhooks from {concurrency} senders ({options.DrillRate:0} new messages/s in all); the provider stand-in fails half its calls (500/503, nothing sent); {Environment.ProcessorCount} cores."),
            [
                ("webhook POSTs (with retries)", sent.Attempts),
                ("messages acknowledged", judged.Accepted),
                ("messages never acknowledged", sent.Unacknowledged),
                ("webhook answers 5xx", sent.ServerErrors),
                ("provider calls failed (500/503)", provider.Failed),
                ("provider calls succeeded (201)", provider.Received),
                ("senders replied to", judged.Replied),
                ("lost (acknowledged, no reply)", judged.Lost),
                ("replies sent twice", judged.Duplicates),
                ("all replied, after the load", DrillTable.Seconds(judged.AllRepliedAfter)),
                ("unhandled exception lines in the log", unhandled),
            ],
            passed));
        return passed ? 0 : 1;
    }
}
