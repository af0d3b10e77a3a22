using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.OpenApi;

namespace CivicConnect.Server.Features.AppApi;

/// <summary>
/// <c>GET /openapi/app.json</c>: the endpoints the city's mobile app calls (docs/mobile-app.md
/// explains them), generated from the endpoints themselves so it cannot drift from them. The
/// whole API stays at <c>/openapi/v1.json</c>.
/// </summary>
public static class AppOpenApi
{
    public const string DocumentName = "app";

    /// <summary>
    /// Endpoint tags that make up the app's API: tokens (public and Direct Line), conversations,
    /// activities, uploads and stored photos. A feature the app also calls adds its tag here.
    /// </summary>
    public static readonly IReadOnlySet<string> Tags = new HashSet<string>(StringComparer.Ordinal) { "Web chat", "Direct Line", "Media" };

    public static IHostApplicationBuilder AddAppOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = IsAppFacing;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "CivicConnect app API",
                    Version = "v1",
                    Description = "Direct Line 3.0-compatible endpoints for the city's mobile app and web chat. Guide: docs/mobile-app.md.",
                };
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    private static bool IsAppFacing(ApiDescription description) =>
        description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>()
            .Any(metadata => metadata.Tags.Any(Tags.Contains));
}
