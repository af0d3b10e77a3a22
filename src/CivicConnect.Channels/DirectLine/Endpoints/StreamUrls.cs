using Microsoft.AspNetCore.Http;

namespace CivicConnect.Channels.DirectLine.Endpoints;

internal static class StreamUrls
{
    /// <summary>
    /// The WebSocket address for a conversation on the host the client reached us by (so it works
    /// behind a proxy that forwards Host and scheme), carrying the token since browsers cannot set
    /// headers on a WebSocket.
    /// </summary>
    public static string For(HttpRequest request, string conversationId, string token, string? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return string.IsNullOrEmpty(watermark) ? url : url + "&watermark=" + Uri.EscapeDataString(watermark);
    }

    public static string MediaUrl(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{request.PathBase}/media/{path}";
}
