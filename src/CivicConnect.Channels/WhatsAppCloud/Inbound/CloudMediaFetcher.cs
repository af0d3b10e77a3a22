using System.Net.Http.Json;
using System.Text.Json.Serialization;
using CivicConnect.Channels.Media;
using CivicConnect.Core.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.WhatsAppCloud.Inbound;

/// <summary>
/// A WhatsApp photo arrives as a media id, kept in the inbox as its Graph URL
/// (<see cref="MetadataUrl"/>). Before the turn, <c>GET {graph}/{version}/{id}</c> answers with a
/// short-lived <c>url</c> on Meta's hosts, which is fetched with the same bearer token.
/// </summary>
internal sealed class CloudMediaFetcher(IHttpClientFactory httpClients, MediaDownloader downloader, IOptions<WhatsAppCloudOptions> options, ILogger<CloudMediaFetcher> logger) : IProviderMedia
{
    public const string HttpClientName = "whatsapp-graph";

    public bool Handles(string channel) => channel == ChannelIds.WhatsAppCloud;

    /// <summary>The Graph API address of a media id: what the inbox row keeps until the photo is fetched.</summary>
    public static Uri MetadataUrl(WhatsAppCloudOptions settings, string mediaId) =>
        new(settings.GraphBaseUrl, $"{settings.GraphApiVersion}/{Uri.EscapeDataString(mediaId)}");

    /// <summary>The webhook's media id as an attachment still at Meta; a declared non-photo is refused without a fetch.</summary>
    public static Activity WithReference(CloudMessage message, WhatsAppCloudOptions settings)
    {
        if (message.MediaId is not { } mediaId)
        {
            return message.Activity;
        }

        if (message.MediaMimeType is { } declared && !declared.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            return message.Activity with { MediaProblem = MediaProblem.NotAnImage };
        }

        var reference = new ActivityAttachment(message.MediaMimeType ?? "image/jpeg", Url: MetadataUrl(settings, mediaId).AbsoluteUri);
        return message.Activity with { Attachments = [reference] };
    }

    public async Task<Activity> FetchAsync(Activity activity, CancellationToken cancellationToken)
    {
        var remote = activity.Attachments.FirstOrDefault(a => a.Url is not null && a.StoredPath is null);
        if (remote is null)
        {
            return activity;
        }

        var settings = options.Value;
        var metadataUrl = new Uri(remote.Url!);
        if (!string.Equals(metadataUrl.Host, settings.GraphBaseUrl.Host, StringComparison.OrdinalIgnoreCase))
        {
            return activity with { Attachments = [], MediaProblem = MediaProblem.Unavailable };
        }

        var client = httpClients.CreateClient(HttpClientName);
        MediaInfo? info;
        try
        {
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

        if (info is null || !Uri.TryCreate(info.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            return activity with { Attachments = [], MediaProblem = MediaProblem.Unavailable };
        }

        // The bearer token travels with the download: only to Graph itself or Meta's media hosts.
        if (!IsMetaHost(url, settings))
        {
            logger.LogWarning("A WhatsApp media URL pointed off Meta's hosts; it was not fetched");
            return activity with { Attachments = [], MediaProblem = MediaProblem.Unavailable };
        }

        if (long.TryParse(info.FileSize?.ToString(), out var size) && size > settings.MaxMediaBytes)
        {
            return activity with { Attachments = [], MediaProblem = MediaProblem.TooLarge };
        }

        var download = await downloader.DownloadAsync(client, [new MediaReference(url, info.MimeType ?? remote.ContentType)], maxFiles: 1, settings.MaxMediaBytes, cancellationToken);
        return activity with { Attachments = download.Attachments, MediaProblem = download.Problem };
    }

    private static bool IsMetaHost(Uri url, WhatsAppCloudOptions settings) =>
        string.Equals(url.Host, settings.GraphBaseUrl.Host, StringComparison.OrdinalIgnoreCase)
        || settings.MediaHosts.Any(h => string.Equals(url.Host, h, StringComparison.OrdinalIgnoreCase));

    private sealed record MediaInfo(
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("mime_type")] string? MimeType,
        [property: JsonPropertyName("file_size")] object? FileSize);
}
