using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace CivicConnect.Server.Features.Open311;

/// <summary>
/// Reads a posted Open311 form with a hard byte limit: a declared length over it is refused before
/// anything is read, the server is told the limit (Kestrel then stops a chunked body at it), and
/// the body is buffered only up to it. A refusal is a 413 problem.
/// </summary>
internal static class Open311Form
{
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        using var reader = new FormReader(buffer);
        Dictionary<string, StringValues> fields = await reader.ReadFormAsync(cancellationToken);
        return new FormCollection(fields);
    }

    private static BadHttpRequestException TooLarge(int maxBytes) =>
        new($"The request body is larger than {maxBytes / 1024} KB.", StatusCodes.Status413PayloadTooLarge);
}
