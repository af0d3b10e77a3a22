using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Web;

namespace CivicConnect.LoadGen;

/// <summary>
/// Twilio's Messages API on 127.0.0.1, so the replies the load causes are sent (and counted)
/// without leaving the machine: every POST gets a 201 with a message SID, after
/// <c>latency</c> (a real provider takes a few hundred milliseconds; an instant stand-in hides a
/// dispatcher that sends one message at a time). Calls are answered concurrently. A GET lists what was
/// sent to a number (Twilio's list, newest first), which the outbox reads before sending a message in doubt.
/// </summary>
internal sealed class TwilioApiStandIn : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, byte> repliedTo = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string To, string Body, TimeSpan At)> arrivals = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Sid, string From, string Body, DateTimeOffset Created)>> sentTo = new(StringComparer.Ordinal);
    private int lookups;
    private int lookupsFindingOne;
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly TimeSpan latency;
    private readonly double failureRate;
    private readonly Random failures = new(16);
    private int received;
    private int failed;

    private TwilioApiStandIn(int port, TimeSpan latency, double failureRate)
    {
        this.latency = latency;
        this.failureRate = failureRate;
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Received => Volatile.Read(ref received);

    /// <summary>How often the list of sent messages was read (once per message in doubt).</summary>
    public int Lookups => Volatile.Read(ref lookups);

    /// <summary>Look-ups that found a message already sent to that number: each a re-send avoided (every drill sender gets one reply).</summary>
    public int LookupsFindingOne => Volatile.Read(ref lookupsFindingOne);

    /// <summary>The stand-in's clock (what <see cref="Arrivals"/> are timed on).</summary>
    public TimeSpan Now => clock.Elapsed;

    /// <summary>Calls answered with a 5xx (the flaky-provider drill): those messages were not sent.</summary>
    public int Failed => Volatile.Read(ref failed);

    /// <summary>True once at least one message was sent to <paramref name="number"/>.</summary>
    public bool HasRepliedTo(string number) => repliedTo.ContainsKey(number);

    /// <summary>Every message sent so far (answered 201): recipient, body and when it arrived (since the stand-in started).</summary>
    public IReadOnlyList<(string To, string Body, TimeSpan At)> Arrivals => [.. arrivals];

    public static TwilioApiStandIn Start(int port, TimeSpan latency) => new(port, latency, 0);

    /// <summary>A provider that answers <paramref name="failureRate"/> of its calls with a 500 or 503 and sends nothing for them.</summary>
    public static TwilioApiStandIn StartFlaky(int port, TimeSpan latency, double failureRate) => new(port, latency, failureRate);

    public void Dispose() => listener.Close();

    private async Task LoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = AnswerAsync(context);
        }
    }

    /// <summary>Twilio's list of messages to one number, newest first, times in RFC 2822 as Twilio writes them.</summary>
    private async Task ListAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref lookups);
        var to = context.Request.QueryString["To"] ?? string.Empty;
        var messages = sentTo.TryGetValue(to, out var sent) ? sent.Reverse().ToList() : [];
        if (messages.Count > 0)
        {
            Interlocked.Increment(ref lookupsFindingOne);
        }

        var page = new
        {
            end = Math.Max(0, messages.Count - 1),
            first_page_uri = context.Request.Url!.PathAndQuery,
            messages = messages.Select(m => new
            {
                sid = m.Sid,
                to,
                from = m.From,
                body = m.Body,
                status = "queued",
                direction = "outbound-api",
                date_created = m.Created.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", System.Globalization.CultureInfo.InvariantCulture),
            }),
            next_page_uri = (string?)null,
            page = 0,
            page_size = 50,
            previous_page_uri = (string?)null,
            start = 0,
            uri = context.Request.Url!.PathAndQuery,
        };
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(page);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            if (context.Request.HttpMethod == "GET")
            {
                await ListAsync(context);
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var form = HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
            bool fail;
            lock (failures)
            {
                fail = failureRate > 0 && failures.NextDouble() < failureRate;
            }

            var sid = $"SM{Guid.NewGuid():N}";
            if (!fail)
            {
                Interlocked.Increment(ref received);
                if (form["To"] is { } to)
                {
                    repliedTo.TryAdd(to, 0);
                    arrivals.Enqueue((to, form["Body"] ?? string.Empty, clock.Elapsed));
                    sentTo.GetOrAdd(to, _ => new()).Enqueue((sid, form["From"] ?? string.Empty, form["Body"] ?? string.Empty, TimeProvider.System.GetUtcNow()));
                }
            }

            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency);
            }

            if (fail)
            {
                // Twilio's own failures: nothing is sent, the caller must try again.
                var count = Interlocked.Increment(ref failed);
                context.Response.StatusCode = count % 2 == 0 ? 500 : 503;
                context.Response.Close();
                return;
            }

            // Twilio's answer, with WhatsApp Cloud's message id too, so a Graph send pointed here (the fuzzer) also succeeds.
            var body = Encoding.UTF8.GetBytes($$"""{"sid":"{{sid}}","status":"queued","messaging_product":"whatsapp","messages":[{"id":"wamid.{{Guid.NewGuid():N}}"}]}""");
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The listener closed while answering.
        }
    }
}
