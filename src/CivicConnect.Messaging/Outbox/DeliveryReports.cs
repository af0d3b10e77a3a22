using CivicConnect.Core.Messages;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicConnect.Messaging.Outbox;

/// <summary>A provider's report on a message the outbox sent (Twilio status callback, WhatsApp status).</summary>
/// <param name="Provider">For the recorded error, e.g. "Twilio".</param>
/// <param name="WindowClosed">The provider refused a free-form WhatsApp message because the 24-hour window had closed.</param>
public sealed record DeliveryReport(string Provider, string ProviderMessageId, string Status, string? ErrorCode, bool WindowClosed);

/// <summary>
/// Applies delivery reports to outbox rows. Reports arrive out of order and more than once, so a
/// late "sent" never undoes "delivered". WhatsApp usually accepts a message outside the 24-hour
/// window and only reports it failed later (Twilio 63016, Cloud API 131047): such a free-form
/// message goes back to the outbox to be routed again, as a template or by SMS, once.
/// </summary>
public sealed class DeliveryReports(OutboxSignal outbox, TimeProvider clock, ILogger<DeliveryReports> logger)
{
    /// <summary>Route recorded on a row the provider sent back because the window had closed; the dispatcher routes it as closed.</summary>
    public const string WindowClosedRoute = "window-closed";

    public async Task ApplyAsync(IQueryable<OutboxMessage> rows, DeliveryReport report, CancellationToken cancellationToken)
    {
        rows = rows.Where(m => m.ProviderMessageId == report.ProviderMessageId);
        switch (report.Status)
        {
            case "delivered" or "read":
                await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProviderStatus, report.Status).SetProperty(m => m.Status, OutboxStatus.Delivered), cancellationToken);
                break;
            case "failed" or "undelivered":
                var error = $"{report.Provider} reported {report.Status}" + (report.ErrorCode is { } code ? $" (error {code})" : string.Empty);
                if (report.WindowClosed && await RouteAgainAsync(rows, report.Status, error, cancellationToken))
                {
                    return;
                }

                await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProviderStatus, report.Status).SetProperty(m => m.LastError, error), cancellationToken);
                break;
            default:
                await rows.Where(m => m.Status != OutboxStatus.Delivered)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProviderStatus, report.Status), cancellationToken);
                break;
        }
    }

    /// <summary>Only a free-form WhatsApp message (no route recorded yet) is sent again: a template or SMS that fails stays failed.</summary>
    private async Task<bool> RouteAgainAsync(IQueryable<OutboxMessage> rows, string status, string error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var requeued = await rows.Where(m => (m.Channel == ChannelIds.WhatsApp || m.Channel == ChannelIds.WhatsAppCloud) && m.Route == null && m.Status != OutboxStatus.Delivered)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, OutboxStatus.Pending)
                    .SetProperty(m => m.Route, WindowClosedRoute)
                    .SetProperty(m => m.ProviderStatus, status)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.NextAttemptAt, now),
                cancellationToken);
        if (requeued == 0)
        {
            return false;
        }

        logger.LogInformation("A WhatsApp message was refused outside the 24-hour window; routing it again ({Error})", error);
        outbox.Notify();
        return true;
    }
}
