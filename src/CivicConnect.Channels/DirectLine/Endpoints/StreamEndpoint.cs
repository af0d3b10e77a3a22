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
    /// <summary><c>GET /v3/directline/conversations/{id}/stream?t=…&amp;watermark=</c>: the WebSocket that pushes activities.</summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Stream(
        string conversationId,
        string? watermark,
        HttpContext context,
        DirectLineTranscript transcript,
        TranscriptNotifications notifications,
        IOptions<DirectLineOptions> options,
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

        var expiresAt = context.DirectLineCaller().Token?.ExpiresAt ?? DateTimeOffset.MaxValue;

        // Subscribe before the first read, so nothing appended in between is missed.
        using var subscription = notifications.Subscribe(conversationId);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var stream = new ActivityStream(socket, conversationId, transcript, subscription, options.Value, clock);
        await stream.RunAsync(Watermark.Parse(watermark), expiresAt, lifetime.ApplicationStopping, context.RequestAborted);
        return TypedResults.Empty;
    }
}
