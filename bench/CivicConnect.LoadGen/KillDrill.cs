using System.Diagnostics;
using System.Globalization;

namespace CivicConnect.LoadGen;

/// <summary>
/// <c>--mode drill-kill</c>: signed webhooks for 60 s from senders that retry like Twilio, while
/// the node is SIGKILLed every 10 s and started again (a process manager's restart). Afterwards
/// every acknowledged message must have its reply at the stand-in, and none may come twice: the
/// inbox's MessageSid check, the turn's recovery and the outbox's one-send-one-mark are what hold.
/// </summary>
internal static class KillDrill
{
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(LoadOptions options)
    {
        using var provider = TwilioApiStandIn.Start(options.ApiPort, options.ProviderLatency);
        var starts = 0;
        var logs = new List<ServerHost>();
        async Task<ServerHost> StartAsync(bool untilReady = false)
        {
            var log = options with { ServerLog = Path.ChangeExtension(options.ServerLog, string.Create(CultureInfo.InvariantCulture, $"kill-{starts++}.log")) };
            var started = untilReady ? await ServerHost.StartReadyAsync(log) : await ServerHost.StartAsync(log);
            logs.Add(started);
            return started;
        }

        // The first node trains or loads the classifier before the load; the restarted ones load it as a node would.
        var server = await StartAsync(untilReady: true);

        var restartTimes = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        var load = RetryingSender.RunAsync(options, Concurrency(options), Load, TimeSpan.FromSeconds(60));
        var kills = 0;
        while (clock.Elapsed + Every < Load)
        {
            await Task.Delay(Every - TimeSpan.FromTicks(clock.Elapsed.Ticks % Every.Ticks));
            await server.KillAsync();
            kills++;
            var restart = Stopwatch.StartNew();
            server = await StartAsync();
            restartTimes.Add(restart.Elapsed);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kill {kills} at {clock.Elapsed.TotalSeconds:0} s; live again after {restart.Elapsed.TotalSeconds:0.0} s"));
        }

        var sent = await load;
        var judged = await ExactlyOnce.JudgeAsync(sent.Accepted, provider, options.ReplyPatience);
        var unhandled = ExactlyOnce.UnhandledExceptionLines(logs.SelectMany(l => l.Lines));
        foreach (var host in logs)
        {
            await host.DisposeAsync();
        }

        var passed = judged.Holds && sent.Unacknowledged == 0 && unhandled == 0;
        Console.WriteLine(DrillTable.Markdown(
            string.Create(CultureInfo.InvariantCulture, $"Kill drill: {Load.TotalSeconds:0} s of signed Twilio webhooks from {Concurrency(options)} retrying senders ({options.DrillRate:0} new messages/s in all), the node SIGKILLed every {Every.TotalSeconds:0} s and started again; {Environment.ProcessorCount} cores."),
            [
                ("SIGKILLs", kills),
                ("live again after a kill (max)", DrillTable.Seconds(restartTimes.Count == 0 ? null : restartTimes.Max())),
                ("webhook POSTs (with retries)", sent.Attempts),
                ("retried POSTs (same MessageSid)", sent.Retries),
                ("messages acknowledged", judged.Accepted),
                ("messages never acknowledged", sent.Unacknowledged),
                ("senders replied to", judged.Replied),
                ("replies sent (provider 201)", judged.Replies),
                ("lost (acknowledged, no reply)", judged.Lost),
                ("replies sent twice", judged.Duplicates),
                ("replies in doubt, looked up at the provider first", provider.Lookups),
                ("… of which the provider already had (not sent again)", provider.LookupsFindingOne),
                ("all replied, after the load", DrillTable.Seconds(judged.AllRepliedAfter)),
                ("unhandled exception lines in the logs", unhandled),
            ],
            passed));
        return passed ? 0 : 1;
    }

    /// <summary>The first --concurrency level (default 8 for the drills: enough messages in flight at each kill).</summary>
    public static int Concurrency(LoadOptions options) => options.Concurrency is [1, 8, 32] ? 8 : options.Concurrency[0];
}
