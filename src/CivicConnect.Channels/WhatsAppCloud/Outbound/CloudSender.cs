using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CivicConnect.Channels.Providers;
using CivicConnect.Conversation.Dialogs;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Outbox;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.WhatsAppCloud.Outbound;

/// <summary>
/// Sends replies through the Graph API (<c>POST /{version}/{PhoneNumberId}/messages</c>): text,
/// interactive buttons or lists, and approved templates. Throttling and server errors are retried
/// by the outbox (as Retry-After says); anything else Meta refuses is not.
/// </summary>
internal sealed class CloudSender(IHttpClientFactory httpClients, IOptions<WhatsAppCloudOptions> options, IDialogCatalog dialogs) : IChannelSender
{
    /// <summary>Meta's code for a free-form message outside the 24-hour customer-service window.</summary>
    public const string OutsideWindowError = "131047";

    public const string PipelineName = "whatsapp-send";

    public string Channel => ChannelIds.WhatsAppCloud;

    public async Task<SendOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = httpClients.CreateClient(Inbound.CloudMediaFetcher.HttpClientName);
        var url = new Uri(settings.GraphBaseUrl, $"{settings.GraphApiVersion}/{Uri.EscapeDataString(settings.PhoneNumberId!)}/messages");
        var to = message.Address.TrimStart('+');
        var parts = message.Template is { } template
            ? [CloudRenderer.Template(template)]
            : CloudRenderer.Render(message.Reply, ListButtonLabel(message.Locale));

        string? lastId = null;
        foreach (var part in parts)
        {
            part["messaging_product"] = "whatsapp";
            part["recipient_type"] = "individual";
            part["to"] = to;
            HttpResponseMessage response;
            try
            {
                response = await client.PostAsJsonAsync(url, part, cancellationToken);
            }
            catch (Exception ex) when (ProviderResilience.IsOpenCircuit(ex))
            {
                return SendOutcome.CircuitOpen("WhatsApp");
            }
            catch (Exception ex) when (ProviderResilience.IsTransient(ex) || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return SendOutcome.Failure("The Graph API could not be reached: " + ex.Message);
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    var (code, text) = Error(body);
                    var error = $"WhatsApp {(int)response.StatusCode} error {code}: {text}";
                    if (code == OutsideWindowError)
                    {
                        return SendOutcome.OutsideWindow(error);
                    }

                    return IsTransient(response.StatusCode)
                        ? SendOutcome.Failure(error, retryAfter: response.Headers.RetryAfter?.Delta)
                        : SendOutcome.Failure(error, permanent: true);
                }

                lastId = MessageId(body);
            }
        }

        return SendOutcome.Success(lastId);
    }

    private string ListButtonLabel(string locale) =>
        dialogs.Current.Locales.TryGetValue(locale, out var text) && text.Messages.TryGetValue("choices_button", out var label) ? label : "Choose";

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static string? MessageId(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["messages"]?[0]?["id"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static (string Code, string Message) Error(string body)
    {
        try
        {
            var error = JsonNode.Parse(body)?["error"];
            return (error?["code"]?.ToString() ?? "?", error?["message"]?.ToString() ?? body);
        }
        catch (JsonException)
        {
            return ("?", body.Length > 200 ? body[..200] : body);
        }
    }
}
