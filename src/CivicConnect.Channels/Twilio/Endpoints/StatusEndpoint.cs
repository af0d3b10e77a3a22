using System.Globalization;
using CivicConnect.Channels.Twilio.Outbound;
using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Messaging.Outbox;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Twilio.Endpoints;

internal static class StatusEndpoint
{
    /// <summary><c>POST /channels/twilio/status</c>: Twilio's delivery report for a message the outbox sent.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ReceiveStatus(
        HttpRequest request,
        CivicDbContext db,
        DeliveryReports reports,
        IOptions<TwilioOptions> twilio,
        IOptions<ChannelsOptions> channels,
        CancellationToken cancellationToken)
    {
        var (form, problem) = await VerifiedWebhook.ReadAsync(request, twilio.Value, channels.Value, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var sid = form!["MessageSid"];
        var status = form["MessageStatus"]?.ToLowerInvariant();
        if (sid is null || status is null || status.Length > 32)
        {
            return WebhookProblems.Twilio.Invalid(new Dictionary<string, string[]>
            {
                [sid is null ? "MessageSid" : "MessageStatus"] = ["MessageSid and MessageStatus are required."],
            });
        }

        var rows = db.OutboxMessages.Where(m => m.Channel == ChannelIds.Sms || m.Channel == ChannelIds.WhatsApp);
        var code = form["ErrorCode"] is { } c ? c[..Math.Min(c.Length, 16)] : null;
        var windowClosed = code == TwilioSender.OutsideWindowError.ToString(CultureInfo.InvariantCulture);
        await reports.ApplyAsync(rows, new DeliveryReport("Twilio", sid, status, code, windowClosed), cancellationToken);
        return TypedResults.NoContent();
    }
}
