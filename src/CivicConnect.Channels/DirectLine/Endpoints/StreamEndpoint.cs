using CivicConnect.Channels.DirectLine.Auth;
using CivicConnect.Channels.DirectLine.Protocol;
using CivicConnect.Channels.DirectLine.Streaming;
using CivicConnect.Channels.DirectLine.Transcript;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.DirectLine.Endpoints;

internal static class StreamEndpoint
{
    /// <summary>A closed stream frees its slot as soon as the socket ends; half a minute covers a reconnect.</summary>
    private const string RetryAfterSeconds = "30";

    /// <summary><c>GET /v3/directline/conversations/{id}/stream?t=…&amp;watermark=</c>: the WebSocket that pushes activities.</summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Stream(
        string conversationId,
        string? watermark,
        HttpContext context,
        DirectLineTranscript transcript,
        TranscriptNotifications notifications,
        IOptions<DirectLineOptions> options,
        StreamSlots slots,
        TimeProvider clock,
        IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "WebSocket expected", detail: "Connect to the streamUrl with a WebSocket client.");
        }

        if (!(await transcript.FindConversationAsync(conversationId, context.RequestAborted)).Exists)
        {
            return DirectLineProblems.ConversationNotFound();
        }

        using var slot = slots.TryTake(conversationId);
        if (slot is null)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many streams",
                detail: $"This conversation already has {options.Value.MaxStreamsPerConversation} open streams; close one or poll GET /activities.");
        }

        var expiresAt = context.DirectLineCaller().Token?.ExpiresAt ?? DateTimeOffset.MaxValue;

        // Subscribe before the first read, so nothing appended in between is missed.
        using var subscription = notifications.Subscribe(conversationId);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var stream = new ActivityStream(socket, conversationId, transcript, subscription, options.Value, clock);
        await stream.RunAsync(Watermark.Parse(watermark), expiresAt, lifetime.ApplicationStopping, context.RequestAborted);
        return TypedResults.Empty;
    }
}
