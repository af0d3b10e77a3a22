using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace CivicConnect.LoadGen;

/// <param name="Elapsed">From the rows' commit until the stand-in had every one of them (includes the dispatcher's poll, ≤ 1 s).</param>
/// <param name="FirstToLast">From the first to the last message at the stand-in: the dispatcher's steady rate.</param>
internal sealed record SendResult(int OutboxConcurrency, int Recipients, int Written, int Received, int Duplicates, int OutOfOrder, TimeSpan Elapsed, TimeSpan FirstToLast)
{
    public double PerSecond => Received / Elapsed.TotalSeconds;

    public double SteadyPerSecond => Received > 1 && FirstToLast > TimeSpan.Zero ? (Received - 1) / FirstToLast.TotalSeconds : 0;
}

/// <summary>
/// The outbox on its own: a server is started with the level's outbox concurrency, replies for
/// many recipients (a few each, in order) are written straight into <c>outbox_messages</c> as
/// turns would write them, and the Twilio stand-in (with its latency) counts what arrives: how
/// fast, whether any message came twice, and whether any recipient's messages came out of order.
/// </summary>
internal static class SendLoad
{
    public static async Task<SendResult> RunAsync(LoadOptions options, int outboxConcurrency, TwilioApiStandIn provider)
    {
        // Sized so a level lasts about --seconds at the rate the concurrency allows (calls in flight / latency).
        var latency = Math.Max(options.ProviderLatency.TotalSeconds, 0.005);
        var per = options.MessagesPerRecipient;
        var written = (int)Math.Clamp(outboxConcurrency / latency * options.Duration.TotalSeconds, 10 * per, options.MaxRequests);
        var recipients = Math.Max(1, written / per);
        written = recipients * per;
        var run = "load" + Guid.NewGuid().ToString("N")[..8];
        var numbers = "+1780" + Random.Shared.Next(100, 1000).ToString(CultureInfo.InvariantCulture);

        var environment = new Dictionary<string, string>(options.ServerEnvironment, StringComparer.Ordinal)
        {
            ["Messaging__OutboxConcurrency"] = outboxConcurrency.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__CivicConnect.Intelligence.Embedded.ClassifierWarmUp"] = "Information",
        };
        await using var server = await ServerHost.StartAsync(options with { ServerEnvironment = environment });

        // A starting node embeds and trains its classifier for tens of seconds of CPU; the sends are measured after that, as on a node that is up.
        if (!await server.WaitForOutputAsync("Classifier ready", TimeSpan.FromMinutes(3)))
        {
            Console.Error.WriteLine("the server did not report its classifier ready; measuring anyway");
        }

        await using (var connection = new NpgsqlConnection(options.ConnectionString))
        {
            await connection.OpenAsync();

            // One statement per position, so every recipient's message k has a smaller id than its message k+1.
            for (var k = 0; k < per; k++)
            {
                await using var insert = new NpgsqlCommand(
                    """
                    INSERT INTO outbox_messages (kind, channel, address, conversation_id, payload, status, attempts, next_attempt_at, created_at)
                    SELECT 'reply', 'sms', @numbers || lpad(r::text, 4, '0'), md5(@run || r)::uuid,
                           jsonb_build_object('locale', 'en', 'reply', jsonb_build_object('text', @run || ' ' || r || ' ' || @k, 'choices', '[]'::jsonb)),
                           'Pending', 0, now(), now()
                    FROM generate_series(0, @recipients - 1) r
                    """,
                    connection);
                insert.Parameters.AddWithValue("numbers", numbers);
                insert.Parameters.AddWithValue("run", run);
                insert.Parameters.AddWithValue("k", k);
                insert.Parameters.AddWithValue("recipients", recipients);
                await insert.ExecuteNonQueryAsync();
            }
        }

        var waited = Stopwatch.StartNew();
        List<(string To, string Body, TimeSpan At)> mine = [];
        while (waited.Elapsed < options.ReplyPatience)
        {
            mine = [.. provider.Arrivals.Where(a => a.Body.StartsWith(run + " ", StringComparison.Ordinal))];
            if (mine.Count >= written)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        var elapsed = waited.Elapsed;
        var duplicates = mine.Count - mine.Select(a => a.Body).Distinct(StringComparer.Ordinal).Count();
        var outOfOrder = mine.GroupBy(a => a.To, StringComparer.Ordinal)
            .Count(g => !g.OrderBy(a => a.At).Select(a => Position(a.Body)).SequenceEqual(g.Select(a => Position(a.Body)).Order()));
        var firstToLast = mine.Count > 1 ? mine.Max(a => a.At) - mine.Min(a => a.At) : TimeSpan.Zero;
        return new SendResult(outboxConcurrency, recipients, written, mine.Count, duplicates, outOfOrder, elapsed, firstToLast);
    }

    public static string Markdown(LoadOptions options, IReadOnlyList<SendResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Outbox sends to the Twilio stand-in answering after {options.ProviderLatency.TotalMilliseconds:0} ms; {options.MessagesPerRecipient} messages per recipient; one server (node) per level; {Environment.ProcessorCount} cores.");
        text.AppendLine();
        text.AppendLine("| outbox concurrency | recipients | written | sent | sent twice | recipients out of order | commit → last sent (s) | sends/s | first → last sent (s) | steady sends/s |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.OutboxConcurrency} | {r.Recipients} | {r.Written} | {r.Received} | {r.Duplicates} | {r.OutOfOrder} | {r.Elapsed.TotalSeconds:0.0} | {r.PerSecond:0.0} | {r.FirstToLast.TotalSeconds:0.0} | {r.SteadyPerSecond:0.0} |");
        }

        return text.ToString();
    }

    private static int Position(string body) => int.Parse(body[(body.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
}
