using CivicConnect.Channels.Twilio;
using CivicConnect.Channels.Twilio.Inbound;
using CivicConnect.Channels.Twilio.Outbound;
using CivicConnect.Channels.WhatsAppCloud;
using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Providers;

/// <summary>
/// WhatsApp only delivers free-form messages within 24 hours of the citizen's last message
/// (Twilio error 63016, Cloud API error 131047 otherwise). A message outside it goes as the
/// configured approved template; without one, by SMS when the citizen has texted the city's SMS
/// number and not opted out there; otherwise it is not sent. The choice is kept on the row.
/// </summary>
internal sealed class WhatsAppWindow(
    CivicDbContext db,
    IOptions<MessagingOptions> messaging,
    IOptions<TwilioOptions> twilio,
    IOptions<WhatsAppCloudOptions> cloud) : IDeliveryWindow
{
    public bool Applies(string channel) => channel is ChannelIds.WhatsApp or ChannelIds.WhatsAppCloud;

    /// <param name="closed">True when the provider already said the window is closed (error 63016 / 131047).</param>
    public async Task<WindowRoute> ChooseAsync(OutboxMessage row, OutboxPayload payload, DateTimeOffset now, bool closed, CancellationToken cancellationToken)
    {
        if (!closed)
        {
            var lastInbound = await db.InboxMessages.AsNoTracking()
                .Where(m => m.Channel == row.Channel && m.Address == row.Address)
                .MaxAsync(m => (DateTimeOffset?)m.ReceivedAt, cancellationToken);
            if (lastInbound is { } last && now - last < messaging.Value.WhatsAppWindow)
            {
                return new WindowRoute.FreeForm();
            }
        }

        var templateId = row.Channel == ChannelIds.WhatsApp ? twilio.Value.WhatsAppTemplateContentSid : cloud.Value.NotificationTemplate;
        if (!string.IsNullOrWhiteSpace(templateId))
        {
            // The template's one variable is the message as SMS would show it (choices as a numbered list).
            var text = SmsRenderer.Render(payload.Reply);
            return new WindowRoute.Template(new MessageTemplate(templateId, payload.Locale, [text.Length > 1000 ? text[..999] + "…" : text]));
        }

        var number = row.Address.StartsWith(E164.WhatsAppPrefix, StringComparison.Ordinal) ? row.Address[E164.WhatsAppPrefix.Length..] : row.Address;
        var smsConsent = await db.Conversations.AsNoTracking().AnyAsync(c => c.Channel == ChannelIds.Sms && c.Address == number && !c.OptedOut, cancellationToken);
        if (smsConsent && twilio.Value.IsConfigured && !string.IsNullOrWhiteSpace(twilio.Value.PhoneNumber))
        {
            return new WindowRoute.Sms(number);
        }

        return new WindowRoute.NotSent("outside WhatsApp's 24-hour window, with no approved template configured and no SMS consent");
    }
}
