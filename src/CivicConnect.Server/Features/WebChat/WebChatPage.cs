using Microsoft.Net.Http.Headers;

namespace CivicConnect.Server.Features.WebChat;

/// <summary>
/// The citizens' web chat page at <c>/</c>: wwwroot/index.html, app.js, app.css and the official
/// Bot Framework Web Chat bundle that the build copies into wwwroot/lib (no CDN). The page talks to
/// the server only through <c>POST /api/webchat/token</c> and the Direct Line API under <c>/v3/directline</c>.
/// </summary>
internal static class WebChatPage
{
    /// <summary>
    /// What the page may load: only this origin. Web Chat injects its styles at run time (inline
    /// styles); a photo the citizen picks is a blob: URL that Web Chat shows, thumbnails in a blob:
    /// worker and reads back to upload.
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; connect-src 'self' blob:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'";

    public static WebApplication UseWebChat(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;

                // File names carry no version: revalidate (ETag) so a deploy is picked up at once.
                headers.CacheControl = "no-cache";
                headers.XContentTypeOptions = "nosniff";
                if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    headers[HeaderNames.XFrameOptions] = "SAMEORIGIN";
                    headers["Referrer-Policy"] = "no-referrer";
                }
            },
        });
        return app;
    }
}
