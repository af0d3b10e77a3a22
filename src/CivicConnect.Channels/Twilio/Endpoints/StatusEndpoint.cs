using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ChannelNames = CivicConnect.Conversation.Activities.Channels;

namespace CivicConnect.Channels.Twilio.Endpoints;

internal static class StatusEndpoint
{
    /// <summary><c>POST /channels/twilio/status</c>: Twilio's delivery report for a message the outbox sent.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ReceiveStatus(
        HttpRequest request,
        CivicDbContext db,
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
            return TwilioProblems.Invalid(new Dictionary<string, string[]>
            {
                [sid is null ? "MessageSid" : "MessageStatus"] = ["MessageSid and MessageStatus are required."],
            });
        }

        var rows = db.OutboxMessages.Where(m => m.ProviderMessageId == sid && (m.Channel == ChannelNames.Sms || m.Channel == ChannelNames.WhatsApp));
        if (status == "delivered" || status == "read")
        {
            await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProviderStatus, status).SetProperty(m => m.Status, OutboxStatus.Delivered), cancellationToken);
        }
        else if (status is "failed" or "undelivered")
        {
            var error = $"Twilio reported {status}" + (form["ErrorCode"] is { } code ? $" (error {code[..Math.Min(code.Length, 16)]})" : string.Empty);
            await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProviderStatus, status).SetProperty(m => m.LastError, error), cancellationToken);
        }
        else
        {
            // Callbacks arrive out of order: a late "sent" must not undo "delivered".
            await rows.Where(m => m.Status != OutboxStatus.Delivered)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProviderStatus, status), cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
