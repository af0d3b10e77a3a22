using System.Security.Cryptography;
using System.Text;
using CivicConnect.Channels.DirectLine.Endpoints;
using CivicConnect.Channels.Twilio.Inbound;
using CivicConnect.Channels.WhatsAppCloud.Inbound;
using CivicConnect.Channels.WhatsAppCloud.Outbound;
using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Inbox;
using CivicConnect.Messaging.Outbox;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.WhatsAppCloud.Endpoints;

internal static class WebhookEndpoints
{
    /// <summary>
    /// <c>GET /channels/whatsapp/meta</c>: Meta's subscription check. The challenge is echoed only
    /// when the verify token is the one configured here.
    /// </summary>
    public static Results<ContentHttpResult, ProblemHttpResult> Verify(
        [FromQuery(Name = "hub.mode")] string? mode,
        [FromQuery(Name = "hub.verify_token")] string? verifyToken,
        [FromQuery(Name = "hub.challenge")] string? challenge,
        IOptions<WhatsAppCloudOptions> options)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return WebhookProblems.WhatsAppCloud.NotConfigured();
        }

        if (mode != "subscribe" || verifyToken is null || challenge is not { Length: > 0 and <= 256 }
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(verifyToken), Encoding.UTF8.GetBytes(settings.VerifyToken!)))
        {
            return WebhookProblems.WhatsAppCloud.Forbidden("The verification request does not match this server's verify token.");
        }

        return TypedResults.Text(challenge, "text/plain", Encoding.UTF8);
    }

    /// <summary>
    /// <c>POST /channels/whatsapp/meta</c>: messages and delivery statuses. Each message is
    /// committed to the inbox (unique on its wamid) before Meta hears back.
    /// </summary>
    public static async Task<Results<Ok, ProblemHttpResult, ValidationProblem>> Receive(
        HttpRequest request,
        IInbound inbound,
        SenderRateLimiter limiter,
        CivicDbContext db,
        DeliveryReports reports,
        IOptions<WhatsAppCloudOptions> options,
        IOptions<Twilio.TwilioOptions> twilio,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return WebhookProblems.WhatsAppCloud.NotConfigured();
        }

        // Checked before the body is read, so an unsigned flood costs nothing.
        var signature = request.Headers[HubSignature.Header].ToString();
        if (string.IsNullOrWhiteSpace(signature))
        {
            return WebhookProblems.WhatsAppCloud.Forbidden($"The {HubSignature.Header} header is missing.");
        }

        if (!request.HasJsonContentType())
        {
            return WebhookProblems.WhatsAppCloud.UnsupportedMedia();
        }

        var body = await RequestBody.ReadLimitedAsync(request, settings.MaxRequestBytes, cancellationToken);
        if (body is null)
        {
            return WebhookProblems.WhatsAppCloud.TooLarge(settings.MaxRequestBytes);
        }

        if (!HubSignature.IsValid(signature, body, settings.AppSecret!))
        {
            return WebhookProblems.WhatsAppCloud.Forbidden($"The {HubSignature.Header} does not match this body.");
        }

        var webhook = WebhookReader.Read(body, twilio.Value.DefaultRegion, clock.GetUtcNow(), out var errors);
        if (webhook is null)
        {
            return WebhookProblems.WhatsAppCloud.Invalid(errors);
        }

        foreach (var message in webhook.Messages)
        {
            // The same per-sender limit as on Twilio: one polite answer, then silence until the window passes.
            var decision = limiter.Check(message.Activity.Address);
            if (decision == RateDecision.Refused)
            {
                continue;
            }

            if (decision == RateDecision.FirstRefused)
            {
                await inbound.AcceptAsync(message.Activity with { Kind = ActivityKind.RateLimited }, cancellationToken);
                continue;
            }

            // Committed with its media id before Meta hears back; the photo is fetched before the turn.
            await inbound.AcceptAsync(CloudMediaFetcher.WithReference(message, settings), cancellationToken);
        }

        var rows = db.OutboxMessages.Where(m => m.Channel == ChannelIds.WhatsAppCloud);
        foreach (var status in webhook.Statuses)
        {
            var report = new DeliveryReport("WhatsApp", status.MessageId, status.Status, status.ErrorCode, status.ErrorCode == CloudSender.OutsideWindowError);
            await reports.ApplyAsync(rows, report, cancellationToken);
        }

        return TypedResults.Ok();
    }
}
