using CivicConnect.Channels.DirectLine.Endpoints;
using CivicConnect.Channels.Twilio.Inbound;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Channels.Twilio.Endpoints;

/// <summary>
/// What both Twilio webhooks do before looking at a field: the channel is on, the body is a
/// bounded, well-formed form, Twilio signed it for the URL it called, and it is for our account.
/// </summary>
internal static class VerifiedWebhook
{
    public static async Task<(TwilioForm? Form, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, TwilioOptions twilio, ChannelsOptions channels, CancellationToken cancellationToken)
    {
        if (!twilio.IsConfigured)
        {
            return (null, WebhookProblems.Twilio.NotConfigured());
        }

        // Checked before the body is read, so an unsigned flood costs nothing.
        if (string.IsNullOrWhiteSpace(request.Headers[TwilioSignature.Header]))
        {
            return (null, WebhookProblems.Twilio.Forbidden($"The {TwilioSignature.Header} header is missing."));
        }

        if (!request.HasFormContentType)
        {
            return (null, WebhookProblems.Twilio.UnsupportedMedia());
        }

        var body = await RequestBody.ReadLimitedAsync(request, twilio.MaxRequestBytes, cancellationToken);
        if (body is null)
        {
            return (null, WebhookProblems.Twilio.TooLarge(twilio.MaxRequestBytes));
        }

        var form = TwilioForm.Parse(body, out var error);
        if (form is null)
        {
            return (null, WebhookProblems.Twilio.Malformed(error!));
        }

        if (!TwilioSignature.IsValid(request, form, twilio.AuthToken!, channels.PublicBaseUrl))
        {
            return (null, WebhookProblems.Twilio.Forbidden($"The {TwilioSignature.Header} does not match this request."));
        }

        // A valid signature from another account of ours is still not for this deployment.
        if (!string.Equals(form["AccountSid"], twilio.AccountSid, StringComparison.Ordinal))
        {
            return (null, WebhookProblems.Twilio.Forbidden("The message is for another Twilio account."));
        }

        return (form, null);
    }
}
