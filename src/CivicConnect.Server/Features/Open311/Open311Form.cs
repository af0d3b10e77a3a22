using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace CivicConnect.Server.Features.Open311;

/// <summary>
/// Reads a posted Open311 form with a hard byte limit: a declared length over it is refused before
/// anything is read, the server is told the limit (Kestrel then stops a chunked body at it), and
/// the body is buffered only up to it. A refusal is a 413 problem; a form that cannot be read, or
/// holds a NUL character, is the spec's 400.
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
        Dictionary<string, StringValues> fields;
        try
        {
            fields = await reader.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException unreadable)
        {
            // A key over the reader's 2 KB or too many fields (found by the fuzzer): the client's fault, a 400.
            throw Open311Exception.BadRequest($"the form could not be read: {unreadable.Message}");
        }

        // PostgreSQL text cannot hold NUL; a field with one would fail at the insert as a 500.
        if (fields.FirstOrDefault(f => Open311Filters.HasNul(f.Key) || f.Value.Any(Open311Filters.HasNul)) is { Key: not null } bad)
        {
            throw Open311Exception.BadRequest($"{Open311Filters.Printable(bad.Key)} may not contain a NUL character");
        }

        return new FormCollection(fields);
    }

    private static BadHttpRequestException TooLarge(int maxBytes) =>
        new($"The request body is larger than {maxBytes / 1024} KB.", StatusCodes.Status413PayloadTooLarge);
}
