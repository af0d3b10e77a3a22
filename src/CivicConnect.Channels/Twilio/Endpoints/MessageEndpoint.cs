using System.Text;
using CivicConnect.Channels.Twilio.Inbound;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Inbox;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Twilio.Endpoints;

internal static class MessageEndpoint
{
    /// <summary>Replies go through the outbox (retries, order, opt-out), so Twilio gets no TwiML to send.</summary>
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    /// <summary><c>POST /channels/twilio/messages</c>: an SMS, MMS or WhatsApp message from a citizen.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult, ValidationProblem>> ReceiveMessage(
        HttpRequest request,
        IInbound inbound,
        SenderRateLimiter limiter,
        IOptions<TwilioOptions> twilio,
        IOptions<ChannelsOptions> channels,
        TimeProvider clock,
        ILogger<SenderRateLimiter> logger,
        CancellationToken cancellationToken)
    {
        var (form, problem) = await VerifiedWebhook.ReadAsync(request, twilio.Value, channels.Value, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var activity = TwilioMessageReader.Read(form!, twilio.Value.DefaultRegion, clock.GetUtcNow(), out var errors);
        if (activity is null)
        {
            return WebhookProblems.Twilio.Invalid(errors);
        }

        // A flood is acknowledged (so Twilio does not retry it) but not processed: the first
        // message over the limit gets one polite answer, the rest are dropped until the window passes.
        var decision = limiter.Check(activity.Address);
        if (decision == RateDecision.Refused)
        {
            logger.LogWarning("Dropped a message on {Channel}: the sender is over its per-minute limit", activity.Channel);
            return TypedResults.Text(EmptyTwiml, "text/xml", Encoding.UTF8);
        }

        if (decision == RateDecision.FirstRefused)
        {
            logger.LogWarning("A sender on {Channel} reached its per-minute limit; answering once", activity.Channel);
            await inbound.AcceptAsync(activity with { Kind = ActivityKind.RateLimited, Attachments = [] }, cancellationToken);
            return TypedResults.Text(EmptyTwiml, "text/xml", Encoding.UTF8);
        }

        // Committed with its media URLs before Twilio hears back (a retry of the same MessageSid is
        // a no-op here); the photos are fetched before the turn, so a slow media host loses nothing.
        await inbound.AcceptAsync(activity, cancellationToken);
        return TypedResults.Text(EmptyTwiml, "text/xml", Encoding.UTF8);
    }
}
