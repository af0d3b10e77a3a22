using System.Net.WebSockets;
using System.Text.Json;
using CivicConnect.Channels.DirectLine.Protocol;
using CivicConnect.Channels.DirectLine.Transcript;

namespace CivicConnect.Channels.DirectLine.Streaming;

/// <summary>
/// Pushes a conversation's transcript down one WebSocket as Direct Line does: one
/// <c>{"activities":[…],"watermark":"N"}</c> text frame per batch, an empty frame when idle, and a
/// clean close when the token expires (the client reconnects with a fresh token) or the node stops
/// (the client reconnects, possibly to another node, from its watermark).
/// </summary>
internal sealed class ActivityStream(
    WebSocket socket,
    string conversationId,
    DirectLineTranscript transcript,
    TranscriptSubscription subscription,
    DirectLineOptions options,
    TimeProvider clock)
{
    private const int BatchSize = 100;
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    private Task clientClosed = Task.CompletedTask;

    public async Task RunAsync(long watermark, DateTimeOffset tokenExpiresAt, CancellationToken stopping, CancellationToken aborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, aborted);
        var cancellationToken = linked.Token;
        clientClosed = WaitForClientCloseAsync(cancellationToken);
        var lastFrame = clock.GetUtcNow();
        try
        {
            while (true)
            {
                var batch = await transcript.ReadAfterAsync(conversationId, watermark, BatchSize, cancellationToken);
                if (batch.Count > 0)
                {
                    watermark = batch[^1].Id;
                    await SendAsync(Frame(batch, watermark), cancellationToken);
                    lastFrame = clock.GetUtcNow();
                    if (batch.Count == BatchSize)
                    {
                        continue;
                    }
                }

                var now = clock.GetUtcNow();
                if (now >= tokenExpiresAt)
                {
                    await CloseAsync(WebSocketCloseStatus.PolicyViolation, "token expired");
                    return;
                }

                var nextKeepAlive = lastFrame + options.KeepAliveInterval;
                if (now >= nextKeepAlive)
                {
                    await SendAsync([], cancellationToken);
                    lastFrame = now;
                    nextKeepAlive = now + options.KeepAliveInterval;
                }

                var wait = Min(options.PollInterval, nextKeepAlive - now, tokenExpiresAt - now);
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var woken = subscription.WaitAsync(waiting.Token);
                var timer = Task.Delay(wait, clock, waiting.Token);
                var first = await Task.WhenAny(woken, timer, clientClosed);
                await waiting.CancelAsync();

                // Shutting down wins over a client close seen in the same moment: the client must
                // learn to reconnect elsewhere (1001), not that the conversation ended normally.
                if (stopping.IsCancellationRequested)
                {
                    await CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "server shutting down");
                    return;
                }

                if (first == clientClosed)
                {
                    await CloseAsync(WebSocketCloseStatus.NormalClosure, null);
                    return;
                }

                aborted.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            await CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "server shutting down");
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; nothing left to say.
        }
        catch (Exception ex) when (ex is WebSocketException or IOException)
        {
            // The connection broke mid-send (a client that vanished surfaces as IOException on
            // some transports); the client reconnects from its watermark.
        }
    }

    private static TimeSpan Min(params ReadOnlySpan<TimeSpan> values)
    {
        var min = TimeSpan.MaxValue;
        foreach (var value in values)
        {
            min = value < min ? value : min;
        }

        return min < TimeSpan.Zero ? TimeSpan.Zero : min;
    }

    private static byte[] Frame(IReadOnlyList<TranscriptEntry> batch, long watermark)
    {
        var activities = batch.Select(e => JsonElementFrom(e.Json)).ToArray();
        return JsonSerializer.SerializeToUtf8Bytes(new ActivitySet(activities, Watermark.Format(watermark)), JsonSerializerOptions.Web);
    }

    internal static JsonElement JsonElementFrom(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private Task SendAsync(byte[] payload, CancellationToken cancellationToken) =>
        socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Reads (and ignores) what the client sends — directlinejs pings with empty messages — until it closes.</summary>
    private async Task WaitForClientCloseAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Closed or aborted: either way the conversation with this socket is over.
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string? description)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            // A short grace period for the close handshake; a client that never answers must not hold shutdown.
            using var timeout = new CancellationTokenSource(CloseGrace);
            await socket.CloseOutputAsync(status, description, timeout.Token);
            await clientClosed.WaitAsync(CloseGrace);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException)
        {
            // Already gone, or never acknowledged the close.
        }
    }
}
