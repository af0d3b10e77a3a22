using CivicConnect.Channels.Media;
using CivicConnect.Core.Messages;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Twilio.Inbound;

/// <summary>
/// Replaces the media URLs of an MMS or WhatsApp message with stored photos. The message is in the
/// inbox already (<see cref="PendingMedia"/> calls this before its turn); once the stored copies
/// are written into the row, the turn and any replay of it never depend on Twilio again.
/// </summary>
internal sealed class TwilioMediaFetcher(IHttpClientFactory httpClients, MediaDownloader downloader, IOptions<TwilioOptions> options) : IProviderMedia
{
    public const string HttpClientName = "twilio-media";

    /// <summary>Media lives on Twilio's API host; the account's credentials are never sent anywhere else.</summary>
    private const string MediaHost = "api.twilio.com";

    public bool Handles(string channel) => channel is ChannelIds.Sms or ChannelIds.WhatsApp;

    public async Task<Activity> FetchAsync(Activity activity, CancellationToken cancellationToken)
    {
        var remote = activity.Attachments.Where(a => a.Url is not null).ToList();
        if (remote.Count == 0)
        {
            return activity;
        }

        var references = remote.Select(a => new MediaReference(new Uri(a.Url!), a.ContentType)).ToList();
        if (references.Any(r => !string.Equals(r.Url.Host, MediaHost, StringComparison.OrdinalIgnoreCase)))
        {
            return activity with { Attachments = [], MediaProblem = MediaProblem.Unavailable };
        }

        var settings = options.Value;
        var download = await downloader.DownloadAsync(httpClients.CreateClient(HttpClientName), references, settings.MaxMediaFiles, settings.MaxMediaBytes, cancellationToken);
        return activity with { Attachments = download.Attachments, MediaProblem = download.Problem };
    }
}
