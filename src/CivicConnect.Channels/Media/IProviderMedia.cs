using CivicConnect.Core.Messages;

namespace CivicConnect.Channels.Media;

/// <summary>
/// A provider that hands a citizen's photos over by reference (Twilio media URLs, WhatsApp Cloud
/// media ids). The reference is committed to the inbox with the message; the photo is fetched
/// afterwards, before the turn, so a slow or failing media host never loses the message.
/// </summary>
public interface IProviderMedia
{
    /// <summary>True for the channels whose attachments this provider holds.</summary>
    bool Handles(string channel);

    /// <summary>The activity with its remote attachments replaced by stored photos, or with the <see cref="MediaProblem"/> that kept them out.</summary>
    Task<Activity> FetchAsync(Activity activity, CancellationToken cancellationToken);
}
