using System.Diagnostics;
using System.Globalization;

namespace CivicConnect.LoadGen;

/// <summary>
/// Webhooks with the turns paused (<c>--turns paused</c>): what acknowledging costs when no turn competes
/// for the CPU. The server runs with <c>Messaging:Turns = SweeperOnly</c> and a sweep grace of an hour,
/// so every message is committed to the inbox and none is worked while the levels and pgbench run.
/// Then that server stops and a second one starts with turns on and a one-second sweep: it must answer
/// every message the first one accepted, exactly as after a crash, so a paused run still proves
/// nothing was lost (and leaves no backlog in <c>civic_loadgen</c> for the next run).
/// </summary>
internal static class PausedTurns
{
    /// <summary>Settings of the server that only acknowledges.</summary>
    public static LoadOptions Acknowledging(LoadOptions options) => options with
    {
        ServerEnvironment = new Dictionary<string, string>(options.ServerEnvironment, StringComparer.Ordinal)
        {
            ["Messaging__Turns"] = "SweeperOnly",
            ["Messaging__SweepGrace"] = "01:00:00",
        },
    };

    /// <summary>Settings of the server that works the backlog off: turns on, and the sweeper looks every second.</summary>
    private static LoadOptions Draining(LoadOptions options) => options with
    {
        ServerLog = Path.ChangeExtension(options.ServerLog, ".drain.log"),
        ServerEnvironment = new Dictionary<string, string>(options.ServerEnvironment, StringComparer.Ordinal)
        {
            ["Messaging__SweepInterval"] = "00:00:01",
            ["Messaging__SweepGrace"] = "00:00:01",
        },
    };

    /// <summary>
    /// Starts the draining server and waits until every sender in <paramref name="accepted"/> got a reply at
    /// the stand-in; the time from its start, or null if some never did within the patience.
    /// </summary>
    public static async Task<TimeSpan?> DrainAsync(LoadOptions options, IReadOnlyList<string> accepted, TwilioApiStandIn twilioApi)
    {
        var started = Stopwatch.StartNew();
        await using var server = await ServerHost.StartAsync(Draining(options));
        var backlog = new WebhookResult(accepted.Count, 0, TimeSpan.Zero, 0, 0, accepted, new Dictionary<string, TimeSpan>(StringComparer.Ordinal));
        var replied = await WebhookLoad.RepliesAsync(backlog, twilioApi, TimeSpan.Zero, options.ReplyPatience);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"turns resumed: {(replied is null ? "not every message was answered" : $"all {accepted.Count} answered {started.Elapsed.TotalSeconds:0.0} s after the draining server was started")}"));
        return replied is null ? null : started.Elapsed;
    }
}
