using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace CivicConnect.LoadGen;

/// <summary>One start of the server, timed from the process start.</summary>
internal sealed record ColdStartResult(string Case, TimeSpan Live, TimeSpan? Ready, TimeSpan? FirstReply);

/// <summary>
/// <c>--mode coldstart</c>: the server is started twice on a migrated database, first with no
/// trained classifier kept (it embeds the examples and trains, as every start did before) and then
/// with the one the first start kept (it loads it). Each time one SMS is posted as soon as the
/// process answers at all; the figures are process start → live, → ready, → that SMS's reply at the
/// Twilio stand-in (a classified reply: the message describes a problem).
/// </summary>
internal static class ColdStart
{
    public static async Task<IReadOnlyList<ColdStartResult>> RunAsync(LoadOptions options, TwilioApiStandIn twilioApi)
    {
        await using (var connection = new NpgsqlConnection(options.ConnectionString))
        {
            await connection.OpenAsync();
            await using var clear = new NpgsqlCommand("DELETE FROM trained_classifiers", connection);
            await clear.ExecuteNonQueryAsync();
        }

        return [await OnceAsync(options, twilioApi, "nothing kept: embeds and trains"), await OnceAsync(options, twilioApi, "kept by the first start: loads")];
    }

    private static async Task<ColdStartResult> OnceAsync(LoadOptions options, TwilioApiStandIn twilioApi, string name)
    {
        var clock = Stopwatch.StartNew();
        await using var server = await ServerHost.StartAsync(options);
        var live = clock.Elapsed;
        var before = twilioApi.Received;
        var ready = ServerHost.WaitForReadyAsync(options, clock, TimeSpan.FromMinutes(3));
        var sent = await WebhookLoad.RunAsync(options with { MaxRequests = 1, Duration = TimeSpan.FromSeconds(60) }, 1);
        TimeSpan? firstReply = null;
        while (sent.Accepted == 1 && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (twilioApi.Received > before)
            {
                firstReply = clock.Elapsed;
                break;
            }

            await Task.Delay(20);
        }

        return new ColdStartResult(name, live, await ready, firstReply);
    }

    public static string Markdown(IReadOnlyList<ColdStartResult> results)
    {
        static string Seconds(TimeSpan? t) => t is { } v ? v.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "—";
        var table = new StringBuilder();
        table.AppendLine("| start | live after (s) | ready after (s) | first classified reply after (s) |");
        table.AppendLine("|---|---:|---:|---:|");
        foreach (var r in results)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {r.Case} | {Seconds(r.Live)} | {Seconds(r.Ready)} | {Seconds(r.FirstReply)} |");
        }

        return table.ToString();
    }
}
