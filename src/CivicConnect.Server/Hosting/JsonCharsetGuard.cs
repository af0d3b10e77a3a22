using System.Text;
using Microsoft.Net.Http.Headers;

namespace CivicConnect.Server.Hosting;

/// <summary>
/// A JSON body declared in a charset .NET cannot decode (<c>application/json; charset=ebcdic</c>) makes the
/// minimal-API reader throw an InvalidOperationException, which would be a 500. The request is the client's
/// mistake, so it is a 415 before any endpoint reads it. Forms are not affected: their reader falls back to UTF-8.
/// </summary>
internal static class JsonCharsetGuard
{
    public static IApplicationBuilder UseJsonCharsetGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsJsonInUnknownCharset(context.Request.ContentType))
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status415UnsupportedMediaType,
                        Title = "Unsupported charset",
                        Detail = "Send JSON in UTF-8 (or omit the charset).",
                    },
                });
                return;
            }

            await next(context);
        });

    internal static bool IsJsonInUnknownCharset(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.SubTypeWithoutSuffix.Equals("json", StringComparison.OrdinalIgnoreCase) && !mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)
            || !mediaType.Charset.HasValue)
        {
            return false;
        }

        try
        {
            _ = Encoding.GetEncoding(mediaType.Charset.Value!.Trim('"'));
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
