using CivicConnect.Core.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Channels.Media;

public static class MediaRegistration
{
    /// <summary>Registers the photo store (<c>Media</c> section). Safe to call from every channel that takes photos.</summary>
    public static IHostApplicationBuilder AddMediaStore(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<MediaOptions>(MediaOptions.SectionName);
        builder.Services.TryAddSingleton<IMediaBlobs>(services =>
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MediaOptions>>().Value.Storage == MediaStorageKind.S3
                ? ActivatorUtilities.CreateInstance<S3MediaBlobs>(services)
                : ActivatorUtilities.CreateInstance<FileSystemMediaBlobs>(services));
        builder.Services.TryAddSingleton<IMediaStore, MediaStore>();
        builder.Services.TryAddSingleton<MediaDownloader>();
        builder.Services.TryAddSingleton<CivicConnect.Intelligence.Photos.IPhotoFiles, MediaPhotoFiles>();
        return builder;
    }

    /// <summary>
    /// Serves stored photos read-only at <c>/media/{path}</c>: no listing, no traversal, only stored
    /// image files, with a fixed content type so a browser never sniffs one into something else.
    /// Names are random, so a link is as private as the conversation it was sent in.
    /// </summary>
    public static RouteGroupBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/media").WithTags("Media");
        group.MapGet("/{**path}", GetMedia).WithName("GetMedia");
        return group;
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> GetMedia(string? path, IMediaStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        if (path is null || await store.OpenAsync(path, cancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, max-age=86400";
        return TypedResults.Stream(file.Content, file.ContentType);
    }
}
