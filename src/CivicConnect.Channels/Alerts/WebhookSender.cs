using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CivicConnect.Channels.Providers;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Outbox;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Alerts;

/// <summary>
/// POSTs a staff alert as signed JSON to the row's address (a department's webhook URL, or a routing
/// rule's), or a report event (<see cref="OutboxKinds.Event"/>: a CloudEvent, body as written) to a subscriber. The <c>"webhook-send"</c> pipeline retries 408/429/5xx and timeouts inside one attempt;
/// what it cannot fix goes back to the outbox. Any other 4xx means the receiver refuses this alert
/// (bad signature, unknown path) and is final. Receivers deduplicate on <c>X-Civic-Delivery</c>
/// (the outbox row id), which a retry repeats.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory httpClients, WebhookTargets targets, IOptions<WebhookOptions> options, TimeProvider clock) : IChannelSender
{
    public const string HttpClientName = "webhook";

    public const string PipelineName = "webhook-send";

    public const string DeliveryHeader = "X-Civic-Delivery";

    public string Channel => ChannelIds.Webhook;

    public async Task<SendOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (await targets.RefusalAsync(message.Address, cancellationToken) is { } refusal)
        {
            return SendOutcome.Failure(refusal, permanent: true);
        }

        var url = new Uri(message.Address);

        var delivery = message.OutboxId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (body, contentType) = Body(message, delivery);
        var signature = WebhookSignature.Sign(body, options.Value.Secret!);

        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" } } };
        request.Headers.Add(WebhookSignature.Header, signature);
        request.Headers.Add(DeliveryHeader, delivery);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return SendOutcome.Success("webhook " + delivery);
            }

            var error = $"webhook answered {(int)response.StatusCode} {response.ReasonPhrase}";
            return IsTransient(response.StatusCode)
                ? SendOutcome.Failure(error, retryAfter: response.Headers.RetryAfter?.Delta)
                : SendOutcome.Failure(error, permanent: true);
        }
        catch (Exception ex) when (ProviderResilience.IsTransient(ex) || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Includes an open circuit: the row waits in the outbox and is tried again after its back-off.
            return SendOutcome.Failure("webhook could not be reached: " + ex.Message);
        }
    }

    /// <summary>An event goes exactly as it was written (its id and time inside); an alert is wrapped with this attempt's time.</summary>
    private (byte[] Body, string ContentType) Body(OutboundMessage message, string delivery) =>
        message.Body is { } written
            ? (Encoding.UTF8.GetBytes(written.Text), written.ContentType)
            : (JsonSerializer.SerializeToUtf8Bytes(new WebhookAlert(delivery, message.Kind, message.Locale, message.Reply.Text, clock.GetUtcNow()), JsonSerializerOptions.Web), "application/json");

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}

/// <summary>What a department's system receives.</summary>
/// <param name="Id">The delivery id, also in <c>X-Civic-Delivery</c>; the same on a retry.</param>
/// <param name="SentAt">When this attempt was signed; receivers may refuse old ones.</param>
public sealed record WebhookAlert(string Id, string Kind, string Locale, string Text, DateTimeOffset SentAt);
