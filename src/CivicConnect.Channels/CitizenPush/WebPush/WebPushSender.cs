using System.Net;
using System.Text.Json;
using CivicConnect.Channels.Providers;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Outbox;
using CivicConnect.Messaging.Recipients;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.CitizenPush.WebPush;

/// <summary>
/// Sends a status update to a browser through its push service (RFC 8030), signed with our VAPID
/// key (RFC 8292, <c>Authorization: vapid t=…, k=…</c>) and encrypted for that browser (RFC 8291,
/// aes128gcm) by Lib.Net.Http.WebPush. The service worker (wwwroot/sw.js) shows it and opens the
/// status page. A subscription the push service says is gone (404, 410) is forgotten.
/// </summary>
internal sealed class WebPushSender(IHttpClientFactory httpClients, UpdateTargets targets, IOptions<WebPushOptions> options) : IChannelSender
{
    public const string PipelineName = "webpush-send";

    public string Channel => ChannelIds.WebPush;

    public async Task<SendOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (UpdateTargetAddress.Parse(message.Address) is not { } id || await targets.FindAsync(id, cancellationToken) is not { } target)
        {
            return SendOutcome.Failure("The browser's push subscription was removed.", permanent: true);
        }

        var subscription = new PushSubscription { Endpoint = target.Address };
        subscription.SetKey(PushEncryptionKeyName.P256DH, target.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, target.Auth);
        var push = new PushMessage(JsonSerializer.Serialize(PushContent.Of(message)))
        {
            TimeToLive = (int)settings.TimeToLive.TotalSeconds,
            Urgency = PushMessageUrgency.Normal,

            // A retry after a lost answer replaces the copy still waiting at the push service (RFC 8030 §5.4), rather than showing twice.
            Topic = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"outbox-{message.OutboxId}"),
        };
        using var vapid = new VapidAuthentication(settings.PublicKey, settings.PrivateKey) { Subject = settings.Subject };
        var client = new PushServiceClient(httpClients.CreateClient(PipelineName)) { AutoRetryAfter = false };
        try
        {
            await client.RequestPushMessageDeliveryAsync(subscription, push, vapid, VapidAuthenticationScheme.Vapid, cancellationToken);
            return SendOutcome.Success(null);
        }
        catch (PushServiceClientException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            await targets.RemoveAsync(target.Id, CancellationToken.None);
            return SendOutcome.Failure($"The push service no longer knows this browser ({(int)ex.StatusCode}); its subscription was removed.", permanent: true);
        }
        catch (PushServiceClientException ex) when (ex.StatusCode is HttpStatusCode.TooManyRequests || (int)ex.StatusCode >= 500)
        {
            var retryAfter = ex.Headers?.RetryAfter?.Delta;
            return SendOutcome.Failure($"The push service answered {(int)ex.StatusCode}: {ex.Message}", retryAfter: retryAfter);
        }
        catch (PushServiceClientException ex)
        {
            return SendOutcome.Failure($"The push service refused the notification ({(int)ex.StatusCode}): {ex.Message} {ex.Body}", permanent: true);
        }
        catch (Exception ex) when (ProviderResilience.IsOpenCircuit(ex))
        {
            return SendOutcome.CircuitOpen("Web Push");
        }
        catch (Exception ex) when (ProviderResilience.IsTransient(ex) || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return SendOutcome.Failure("The push service could not be reached: " + ex.Message);
        }
    }
}
