using System.Net.Http.Json;
using System.Text.Json.Serialization;
using CivicConnect.Channels.Media;
using CivicConnect.Core.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.WhatsAppCloud.Inbound;

/// <summary>
/// A WhatsApp photo arrives as a media id: <c>GET {graph}/{version}/{id}</c> answers with a
/// short-lived <c>url</c>, which is fetched with the same bearer token. The photo is stored before
/// the message goes into the inbox.
/// </summary>
internal sealed class CloudMediaFetcher(IHttpClientFactory httpClients, MediaDownloader downloader, IMediaStore store, IOptions<WhatsAppCloudOptions> options, ILogger<CloudMediaFetcher> logger)
{
    public const string HttpClientName = "whatsapp-graph";

    public async Task<Activity> FetchAsync(CloudMessage message, CancellationToken cancellationToken)
    {
        if (message.MediaId is not { } mediaId)
        {
            return message.Activity;
        }

        if (message.MediaMimeType is { } declared && !declared.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            return message.Activity with { MediaProblem = MediaProblem.NotAnImage };
        }

        var settings = options.Value;
        var client = httpClients.CreateClient(HttpClientName);
        MediaInfo? info;
        try
        {
            var metadataUrl = new Uri(settings.GraphBaseUrl, $"{settings.GraphApiVersion}/{Uri.EscapeDataString(mediaId)}");
            using var response = await client.GetAsync(metadataUrl, cancellationToken);
            info = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<MediaInfo>(cancellationToken) : null;
            if (info is null)
            {
                logger.LogWarning("The Graph API answered {Status} for a media id", (int)response.StatusCode);
            }
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException || Providers.ProviderResilience.IsTransient(ex) || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "Could not look up a WhatsApp media id");
            info = null;
        }

        if (info is null || !Uri.TryCreate(info.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return message.Activity with { MediaProblem = MediaProblem.Unavailable };
        }

        if (long.TryParse(info.FileSize?.ToString(), out var size) && size > settings.MaxMediaBytes)
        {
            return message.Activity with { MediaProblem = MediaProblem.TooLarge };
        }

        var download = await downloader.DownloadAsync(client, [new MediaReference(url, info.MimeType ?? message.MediaMimeType)], maxFiles: 1, settings.MaxMediaBytes, cancellationToken);
        return message.Activity with { Attachments = download.Attachments, MediaProblem = download.Problem };
    }

    /// <summary>Meta retried a message already in the inbox: the copy made for it is not needed.</summary>
    public async Task DiscardAsync(Activity activity)
    {
        foreach (var attachment in activity.Attachments.Where(a => a.StoredPath is not null))
        {
            await store.DeleteAsync(new StoredMedia(attachment.StoredPath!, attachment.ThumbnailPath, attachment.ContentType, attachment.SizeBytes, null, null), CancellationToken.None);
        }
    }

    private sealed record MediaInfo(
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("mime_type")] string? MimeType,
        [property: JsonPropertyName("file_size")] object? FileSize);
}
