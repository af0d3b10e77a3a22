using Microsoft.AspNetCore.Http;

namespace CivicConnect.Channels.DirectLine.Endpoints;

internal static class RequestBody
{
    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is larger (nothing past the limit is buffered).</summary>
    public static async Task<byte[]?> ReadLimitedAsync(Stream body, long? declaredLength, int limit, CancellationToken cancellationToken)
    {
        if (declaredLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static Task<byte[]?> ReadLimitedAsync(HttpRequest request, int limit, CancellationToken cancellationToken) =>
        ReadLimitedAsync(request.Body, request.ContentLength, limit, cancellationToken);
}
