using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Web;

namespace CivicConnect.LoadGen;

/// <summary>
/// Twilio's Messages API on 127.0.0.1, so the replies the load causes are sent (and counted)
/// without leaving the machine: every POST gets a 201 with a message SID.
/// </summary>
internal sealed class TwilioApiStandIn : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, byte> repliedTo = new(StringComparer.Ordinal);
    private int received;

    private TwilioApiStandIn(int port)
    {
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Received => Volatile.Read(ref received);

    /// <summary>True once at least one message was sent to <paramref name="number"/>.</summary>
    public bool HasRepliedTo(string number) => repliedTo.ContainsKey(number);

    public static TwilioApiStandIn Start(int port) => new(port);

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

            Interlocked.Increment(ref received);
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                if (HttpUtility.ParseQueryString(await reader.ReadToEndAsync())["To"] is { } to)
                {
                    repliedTo.TryAdd(to, 0);
                }
            }

            var body = Encoding.UTF8.GetBytes($$"""{"sid":"SM{{Guid.NewGuid():N}}","status":"queued"}""");
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
