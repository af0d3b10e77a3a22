using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CivicConnect.LoadGen;

/// <param name="SentAt">When each accepted sender's webhook was posted, on the Twilio stand-in's clock (reply latency = its reply's arrival − this).</param>
internal sealed record WebhookResult(int Accepted, int Failed, TimeSpan Elapsed, double P50Ms, double P99Ms, IReadOnlyList<string> AcceptedSenders, IReadOnlyDictionary<string, TimeSpan> SentAt)
{
    public double PerSecond => Accepted / Elapsed.TotalSeconds;
}

/// <summary>
/// Each sender posts signed SMS webhooks back to back, as Twilio would, until the time or the
/// request budget runs out. Every message comes from its own number, so the per-sender rate limit
/// never drops one. The acknowledgement is the inbox commit; the turn runs after it on the
/// server's workers, and <see cref="RepliesAsync"/> measures how long the replies take.
/// </summary>
internal static class WebhookLoad
{
    private static readonly string[] Texts =
    [
        "There is a pothole on 17 Ave SW at 4 St SW",
        "streetlight out near City Hall",
        "graffiti on the wall at 8 Ave SW & 1 St SW",
        "hi",
    ];

    /// <summary>
    /// Appended to the reports so no two messages read the same: the server remembers recent
    /// embeddings, and four texts repeated would measure that memory instead of the model.
    /// </summary>
    private static readonly string[] Details = ["since yesterday", "for a week now", "this morning", "again", "still", "near the bus stop", "by the school", "in the right lane"];

    private static int sequence;

    /// <param name="clock">The Twilio stand-in's clock, to time each message until its reply.</param>
    public static async Task<WebhookResult> RunAsync(LoadOptions options, int concurrency, Func<TimeSpan>? clock = null)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var target = new Uri(options.Url, "/channels/twilio/messages");
        var deadline = Stopwatch.StartNew();
        var remaining = options.MaxRequests;
        var latencies = new List<double>[concurrency];
        var senders = new List<string>[concurrency];
        var sentAt = new System.Collections.Concurrent.ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        var failed = 0;
        var run = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            var accepted = senders[worker] = [];
            while (deadline.Elapsed < options.Duration && Interlocked.Decrement(ref remaining) >= 0)
            {
                var fields = Message(options);
                var signature = TwilioSigner.Sign(options.AuthToken, target.ToString(), fields);
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(fields) };
                request.Headers.Add("X-Twilio-Signature", signature);
                var started = Stopwatch.GetTimestamp();
                var posted = clock?.Invoke() ?? TimeSpan.Zero;
                try
                {
                    using var response = await http.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        accepted.Add(fields["From"]);
                        sentAt[fields["From"]] = posted;
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Refused, reset or slower than the client's timeout: not acknowledged.
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        run.Stop();

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new WebhookResult(all.Length, failed, run.Elapsed, Percentile(all, 0.50), Percentile(all, 0.99), senders.SelectMany(s => s).ToList(), sentAt);
    }

    /// <summary>
    /// Waits (at most <paramref name="patience"/>) until every accepted sender got a reply through
    /// the Twilio stand-in; returns the time from the start of the level, or null if some never did.
    /// </summary>
    public static async Task<TimeSpan?> RepliesAsync(WebhookResult result, TwilioApiStandIn twilioApi, TimeSpan levelElapsed, TimeSpan patience)
    {
        var waiting = Stopwatch.StartNew();
        var pending = result.AcceptedSenders.ToHashSet(StringComparer.Ordinal);
        while (waiting.Elapsed < patience)
        {
            pending.RemoveWhere(twilioApi.HasRepliedTo);
            if (pending.Count == 0)
            {
                return levelElapsed + waiting.Elapsed;
            }

            await Task.Delay(50);
        }

        return null;
    }

    /// <summary>Each accepted message's time from its webhook to its first reply at the stand-in, in ms, sorted.</summary>
    public static double[] ReplyLatencies(WebhookResult result, TwilioApiStandIn twilioApi)
    {
        var firstReply = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (to, _, at) in twilioApi.Arrivals)
        {
            if (result.SentAt.ContainsKey(to) && !firstReply.ContainsKey(to))
            {
                firstReply[to] = at;
            }
        }

        return firstReply.Select(r => (r.Value - result.SentAt[r.Key]).TotalMilliseconds).Order().ToArray();
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Body()
    {
        var text = Texts[Random.Shared.Next(Texts.Length)];
        if (text == "hi")
        {
            return text;
        }

        var n = Interlocked.Increment(ref sequence);
        return $"{text}, {Details[n % Details.Length]} ({n})";
    }

    private static Dictionary<string, string> Message(LoadOptions options)
    {
        var sid = "SM" + Guid.NewGuid().ToString("N");
        var from = "+1403" + Random.Shared.Next(200, 1000).ToString(CultureInfo.InvariantCulture) + Random.Shared.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MessageSid"] = sid,
            ["SmsMessageSid"] = sid,
            ["AccountSid"] = options.AccountSid,
            ["From"] = from,
            ["To"] = options.CityNumber,
            ["Body"] = Body(),
            ["NumMedia"] = "0",
            ["NumSegments"] = "1",
            ["ApiVersion"] = "2010-04-01",
        };
    }
}
