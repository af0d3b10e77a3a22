using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CivicConnect.LoadGen;

/// <param name="Accepted">Messages the server acknowledged (200), each once: its sender's number.</param>
/// <param name="Attempts">Every POST, first tries and retries.</param>
/// <param name="Retries">POSTs that repeated a message (same MessageSid) after no 200.</param>
/// <param name="Unacknowledged">Messages still without a 200 when the sender gave up.</param>
/// <param name="ServerErrors">Answers 500 or above (a refused connection or a timeout is not one).</param>
internal sealed record RetryingSendResult(IReadOnlyList<string> Accepted, int Attempts, int Retries, int Unacknowledged, int ServerErrors, TimeSpan Elapsed);

/// <summary>
/// Signed Twilio SMS webhooks as Twilio sends them to a server that may be down: a message that
/// got no 200 (refused, reset, timed out, 5xx) is sent again with the same MessageSid and the same
/// fields after a short pause, until it is acknowledged or the sender's patience runs out. Each
/// message comes from its own number, so its replies are counted per recipient at the stand-in.
/// </summary>
internal static class RetryingSender
{
    /// <summary>
    /// Sends new messages for <paramref name="duration"/> at <see cref="LoadOptions.DrillRate"/> per second in all
    /// (each sender on its own staggered slots), then keeps retrying the unacknowledged ones until
    /// <paramref name="retryPatience"/> after that.
    /// </summary>
    public static async Task<RetryingSendResult> RunAsync(LoadOptions options, int concurrency, TimeSpan duration, TimeSpan retryPatience, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(15),
        };
        var target = new Uri(options.Url, "/channels/twilio/messages");
        var accepted = new ConcurrentQueue<string>();
        int attempts = 0, retries = 0, unacknowledged = 0, serverErrors = 0;
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(concurrency / options.DrillRate);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async sender =>
        {
            var slot = interval * sender / concurrency;
            while (!cancellationToken.IsCancellationRequested)
            {
                if (slot > clock.Elapsed)
                {
                    await Task.Delay(slot - clock.Elapsed, CancellationToken.None);
                }

                if (clock.Elapsed >= duration)
                {
                    break;
                }

                slot += interval;
                var fields = Message(options);
                var signature = TwilioSigner.Sign(options.AuthToken, target.ToString(), fields);
                for (var attempt = 0; ; attempt++)
                {
                    if (clock.Elapsed > duration + retryPatience)
                    {
                        Interlocked.Increment(ref unacknowledged);
                        break;
                    }

                    Interlocked.Increment(ref attempts);
                    if (attempt > 0)
                    {
                        Interlocked.Increment(ref retries);
                    }

                    using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(fields) };
                    request.Headers.Add("X-Twilio-Signature", signature);
                    try
                    {
                        using var response = await http.SendAsync(request, CancellationToken.None);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            accepted.Enqueue(fields["From"]);
                            break;
                        }

                        if ((int)response.StatusCode >= 500)
                        {
                            Interlocked.Increment(ref serverErrors);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        // Refused (the node is down), reset (killed mid-request) or too slow: not acknowledged.
                    }

                    // Twilio retries a failed webhook; a short pause keeps a dead node from being hammered.
                    await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Min(attempt + 1, 4)), CancellationToken.None);
                }
            }
        }));
        return new RetryingSendResult([.. accepted], attempts, retries, unacknowledged, serverErrors, clock.Elapsed);
    }

    private static Dictionary<string, string> Message(LoadOptions options)
    {
        var sid = "SM" + Guid.NewGuid().ToString("N");
        // A valid North American number (+1 587, then seven digits; an invalid one is refused with a 400),
        // apart from WebhookLoad's +1 403 numbers.
        var from = "+1587" + Random.Shared.Next(2_000_000, 10_000_000).ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MessageSid"] = sid,
            ["SmsMessageSid"] = sid,
            ["AccountSid"] = options.AccountSid,
            ["From"] = from,
            ["To"] = options.CityNumber,
            ["Body"] = "There is a pothole on 17 Ave SW at 4 St SW",
            ["NumMedia"] = "0",
            ["NumSegments"] = "1",
            ["ApiVersion"] = "2010-04-01",
        };
    }
}
