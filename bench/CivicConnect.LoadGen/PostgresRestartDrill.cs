using System.Diagnostics;
using System.Globalization;

namespace CivicConnect.LoadGen;

/// <summary>
/// <c>--mode drill-pg-restart</c>: 40 s of webhooks from retrying senders; 15 s in, the private
/// cluster is restarted (<c>pg_ctl restart -m fast</c>: every connection is cut). Nothing the
/// server acknowledged may be lost or answered twice, and the same server process (no restart of
/// its own) must be ready (<c>/health/ready</c>) again within <see cref="ReadyWithin"/> of the
/// restart's end.
/// </summary>
internal static class PostgresRestartDrill
{
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan RestartAt = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(LoadOptions options)
    {
        if (options.PgBench is null)
        {
            Console.Error.WriteLine("drill-pg-restart needs --pgbench (pg_ctl is next to it); civic loadgen gives it");
            return 64;
        }

        var pgCtl = Path.Combine(Path.GetDirectoryName(options.PgBench)!, "pg_ctl");
        var root = Environment.GetEnvironmentVariable("CIVIC_ROOT") ?? Directory.GetCurrentDirectory();
        using var provider = TwilioApiStandIn.Start(options.ApiPort, options.ProviderLatency);
        await using var server = await ServerHost.StartReadyAsync(options with { ServerLog = Path.ChangeExtension(options.ServerLog, "pg-restart.log") });
        var pid = server.ProcessId;
        var concurrency = KillDrill.Concurrency(options);
        var load = RetryingSender.RunAsync(options, concurrency, Load, TimeSpan.FromSeconds(30));

        await Task.Delay(RestartAt);
        var restart = Stopwatch.StartNew();
        var restarted = await PgCtlRestartAsync(pgCtl, Path.Combine(root, ".data", "pg"), Path.Combine(root, ".data", "pg.log"));
        var restartTook = restart.Elapsed;
        var ready = await ServerHost.WaitForReadyAsync(options, Stopwatch.StartNew(), TimeSpan.FromSeconds(60));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pg_ctl restart {(restarted ? "done" : "FAILED")} in {restartTook.TotalSeconds:0.0} s; server ready again {DrillTable.Seconds(ready)} after that"));

        var sent = await load;
        var judged = await ExactlyOnce.JudgeAsync(sent.Accepted, provider, options.ReplyPatience);
        var unhandled = ExactlyOnce.UnhandledExceptionLines(server.Lines);
        var sameProcess = !server.HasExited && server.ProcessId == pid;
        var passed = restarted && judged.Holds && sent.Unacknowledged == 0 && ready is { } r && r <= ReadyWithin && sameProcess && unhandled == 0;
        Console.WriteLine(DrillTable.Markdown(
            string.Create(CultureInfo.InvariantCulture, $"PostgreSQL restart drill: {Load.TotalSeconds:0} s of signed Twilio webhooks from {concurrency} retrying senders ({options.DrillRate:0} new messages/s in all); `pg_ctl restart -m fast` of the cluster {RestartAt.TotalSeconds:0} s in; {Environment.ProcessorCount} cores."),
            [
                ("pg_ctl restart took", DrillTable.Seconds(restartTook)),
                (string.Create(CultureInfo.InvariantCulture, $"server ready again after the restart (limit {ReadyWithin.TotalSeconds:0} s)"), DrillTable.Seconds(ready)),
                ("same server process throughout", sameProcess ? "yes" : "no"),
                ("webhook POSTs (with retries)", sent.Attempts),
                ("retried POSTs (same MessageSid)", sent.Retries),
                ("webhook answers 5xx (retried)", sent.ServerErrors),
                ("messages acknowledged", judged.Accepted),
                ("messages never acknowledged", sent.Unacknowledged),
                ("lost (acknowledged, no reply)", judged.Lost),
                ("replies sent twice", judged.Duplicates),
                ("all replied, after the load", DrillTable.Seconds(judged.AllRepliedAfter)),
                ("unhandled exception lines in the log", unhandled),
            ],
            passed));
        return passed ? 0 : 1;
    }

    private static async Task<bool> PgCtlRestartAsync(string pgCtl, string dataDir, string pgLog)
    {
        // The cluster belongs to postgres when the script runs as root (as `civic` does it).
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : pgCtl) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (asRoot)
        {
            foreach (var a in new[] { "-u", "postgres", "--", pgCtl })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in new[] { "-D", dataDir, "-l", pgLog, "-m", "fast", "-w", "-t", "60", "restart" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine(await output + await error);
        }

        return process.ExitCode == 0;
    }
}
