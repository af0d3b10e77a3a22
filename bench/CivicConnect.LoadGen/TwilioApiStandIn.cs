using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Web;

namespace CivicConnect.LoadGen;

/// <summary>
/// Twilio's Messages API on 127.0.0.1, so the replies the load causes are sent (and counted)
/// without leaving the machine: every POST gets a 201 with a message SID, after
/// <c>latency</c> (a real provider takes a few hundred milliseconds; an instant stand-in hides a
/// dispatcher that sends one message at a time). Calls are answered concurrently.
/// </summary>
internal sealed class TwilioApiStandIn : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, byte> repliedTo = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string To, string Body, TimeSpan At)> arrivals = new();
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly TimeSpan latency;
    private int received;

    private TwilioApiStandIn(int port, TimeSpan latency)
    {
        this.latency = latency;
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Received => Volatile.Read(ref received);

    /// <summary>True once at least one message was sent to <paramref name="number"/>.</summary>
    public bool HasRepliedTo(string number) => repliedTo.ContainsKey(number);

    /// <summary>Every message received so far: recipient, body and when it arrived (since the stand-in started).</summary>
    public IReadOnlyList<(string To, string Body, TimeSpan At)> Arrivals => [.. arrivals];

    public static TwilioApiStandIn Start(int port, TimeSpan latency) => new(port, latency);

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

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            Interlocked.Increment(ref received);
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                var form = HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
                if (form["To"] is { } to)
                {
                    repliedTo.TryAdd(to, 0);
                    arrivals.Enqueue((to, form["Body"] ?? string.Empty, clock.Elapsed));
                }
            }

            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency);
            }

            var body = Encoding.UTF8.GetBytes($$"""{"sid":"SM{{Guid.NewGuid():N}}","status":"queued"}""");
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
