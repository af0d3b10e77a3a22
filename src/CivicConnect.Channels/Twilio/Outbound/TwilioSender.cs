using System.Net;
using CivicConnect.Channels.Providers;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Outbox;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using SystemHttpClient = System.Net.Http.HttpClient;

namespace CivicConnect.Channels.Twilio.Outbound;

/// <summary>
/// Sends SMS and WhatsApp replies through Twilio's Messages API with the official library. The
/// outcome tells the outbox what to do next: throttling and server errors are retried (as
/// Retry-After says), a refused number or an opted-out citizen is not.
/// </summary>
internal sealed class TwilioSender(string channel, IHttpClientFactory httpClients, IOptions<TwilioOptions> options) : IChannelSender
{
    public const string HttpClientName = "twilio";

    public const string PipelineName = "twilio-send";

    /// <summary>Twilio's error for a free-form WhatsApp message outside the 24-hour window.</summary>
    public const int OutsideWindowError = 63016;

    public string Channel => channel;

    public async Task<SendOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var isWhatsApp = channel == ChannelIds.WhatsApp;
        var from = isWhatsApp ? settings.WhatsAppNumber : settings.PhoneNumber;
        if (string.IsNullOrWhiteSpace(from))
        {
            return SendOutcome.Failure($"Twilio:{(isWhatsApp ? "WhatsAppNumber" : "PhoneNumber")} is not configured.", permanent: true);
        }

        var client = new TwilioRestClient(
            settings.AccountSid, settings.AuthToken, accountSid: settings.AccountSid,
            httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
        var sender = new PhoneNumber(isWhatsApp ? Inbound.E164.WhatsAppPrefix + from : from);
        var to = new PhoneNumber(message.Address);

        var retryAfter = TwilioApiHandler.Capture();
        string? lastSid = null;
        try
        {
            // Twilio rejects bodies over 1,600 characters; a longer reply goes as consecutive messages.
            // An approved template (outside WhatsApp's 24-hour window) goes by its Content SID with the text as {{1}}.
            if (message.Template is { } template)
            {
                var variables = System.Text.Json.JsonSerializer.Serialize(template.Variables.Select((v, i) => (Key: (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Value: v)).ToDictionary(p => p.Key, p => p.Value));
                var sent = await MessageResource.CreateAsync(new CreateMessageOptions(to) { From = sender, ContentSid = template.Id, ContentVariables = variables }, client);
                return SendOutcome.Success(sent.Sid);
            }

            // In doubt (an earlier attempt may have been accepted unseen): send only the parts Twilio does not have yet.
            var alreadySent = message.InDoubtSince is { } since
                ? await TwilioSentMessages.ListAsync(client, sender, to, since, cancellationToken)
                : TwilioSentMessages.None;
            foreach (var body in SmsSplitter.Split(SmsRenderer.Render(message.Reply)))
            {
                if (alreadySent.TryTake(body, out var earlierSid))
                {
                    lastSid = earlierSid;
                    continue;
                }

                var sent = await MessageResource.CreateAsync(new CreateMessageOptions(to) { From = sender, Body = body }, client);
                lastSid = sent.Sid;
            }

            return SendOutcome.Success(lastSid);
        }
        catch (ApiException ex)
        {
            var error = $"Twilio {ex.Status} error {ex.Code}: {ex.Message}";
            if (ex.Code == OutsideWindowError)
            {
                return SendOutcome.OutsideWindow(error);
            }

            // A long reply whose first parts went out is in doubt: the retry must not send those again.
            return (IsTransient(ex.Status)
                ? SendOutcome.Failure(error, retryAfter: retryAfter.Value)
                : SendOutcome.Failure(error, permanent: true)) with { MayHaveReachedProvider = lastSid is not null };
        }
        catch (Exception ex) when (ProviderResilience.IsOpenCircuit(ex))
        {
            return SendOutcome.CircuitOpen("Twilio");
        }
        catch (Exception ex) when (ex is ApiConnectionException || ProviderResilience.IsTransient(ex) || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The row waits in the outbox and is tried again after its back-off, in doubt: a call that timed out
            // or broke after it was sent may have been accepted.
            return SendOutcome.Failure("Twilio could not be reached: " + ex.Message, retryAfter: retryAfter.Value) with { MayHaveReachedProvider = true };
        }
    }

    /// <summary>429 and 5xx may work later; any other 4xx (21211 invalid number, 21610 unsubscribed …) never will.</summary>
    private static bool IsTransient(int status) =>
        status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout or 0 || status >= 500;
}
