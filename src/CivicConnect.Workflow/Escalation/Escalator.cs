using System.Globalization;
using CivicConnect.Core.Issues;
using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Outbox;
using CivicConnect.Workflow.Events;
using CivicConnect.Workflow.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Workflow.Escalation;

/// <summary>
/// What a deadline does when it passes: if the issue is not yet resolved (or otherwise finished),
/// raise its escalation level (and priority), write the history line and alert the department's
/// supervisor contact and the rule's alert addresses through the outbox, and tell the report's event
/// subscribers, all in one transaction.
/// </summary>
public sealed class Escalator(CivicDbContext db, IOutbox outbox, RoutingRuleStore rules, IssueRouter router, ReportEvents events, IOptions<EscalationOptions> options, TimeProvider clock)
{
    /// <returns>The time to the next escalation, or null when there is none to schedule.</returns>
    public async Task<TimeSpan?> EscalateAsync(int reference, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var issue = await db.Issues.Include(i => i.Category).Include(i => i.Department).Include(i => i.Ward)
            .FirstOrDefaultAsync(i => i.ReferenceNumber == reference, cancellationToken);
        if (issue is null || issue.Status.IsFinished() || issue.EscalationLevel >= options.Value.MaxLevel)
        {
            // Never committed (the submitting turn rolled back), already finished, or escalated as far as it goes.
            return null;
        }

        var now = clock.GetUtcNow();
        issue.Escalate(options.Value.RaisePriority, now);

        var published = await rules.CurrentAsync(cancellationToken);
        var decision = router.Decide(published.Rules, issue.Category!.Code, issue.Department?.Code ?? string.Empty, issue.Category.SlaHours, issue.Priority, issue.Ward?.Code, issue.Description, issue.CreatedAt);
        var recipients = new List<string>();
        if ((issue.Department?.ContactEmail ?? options.Value.FallbackEmail) is { Length: > 0 } contact)
        {
            recipients.Add(contact);
        }

        if (issue.Department?.WebhookUrl is { Length: > 0 } webhook)
        {
            recipients.Add(webhook);
        }

        recipients.AddRange(decision.Alert.Where(a => !recipients.Contains(a, StringComparer.OrdinalIgnoreCase)));
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"Escalation level {issue.EscalationLevel}: 311 report #{issue.ReferenceNumber} ({issue.Category.Name.For("en")}, {issue.AddressText}) is still {issue.Status} after its deadline {issue.Deadline:yyyy-MM-dd HH:mm} UTC. Priority is now {issue.Priority}.");
        foreach (var recipient in recipients)
        {
            EnqueueAlert(recipient, text, now);
        }

        await events.PublishAsync(issue, ReportEventTypes.Escalated, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return issue.EscalationLevel < options.Value.MaxLevel ? TimeSpan.FromHours(decision.SlaHours * options.Value.RepeatFraction) : null;
    }

    /// <summary>Reminds whoever the issue is assigned to (or the department contact) that its deadline is close.</summary>
    public async Task RemindAsync(int reference, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.AsNoTracking()
            .Where(i => i.ReferenceNumber == reference)
            .Select(i => new { i.Status, i.AssignedTo, i.Deadline, Contact = i.Department == null ? null : i.Department.ContactEmail })
            .FirstOrDefaultAsync(cancellationToken);
        if (issue is null || issue.Status.IsFinished())
        {
            return;
        }

        // An assignee is a person's sign-in (often their e-mail); a name without an address goes through the department.
        // Only an e-mail address: an assignee that looks like a URL (stored before that was refused) is never called.
        var to = issue.AssignedTo is { } assignee && RoutingRuleValidator.IsEmailAddress(assignee) ? assignee : issue.Contact;
        if (to is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var text = string.Create(CultureInfo.InvariantCulture, $"Reminder: 311 report #{reference} is due {issue.Deadline:yyyy-MM-dd HH:mm} UTC and is still {issue.Status}.");
        EnqueueAlert(to, text, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private void EnqueueAlert(string recipient, string text, DateTimeOffset now)
    {
        // A URL goes to the webhook sender (which refuses plain http except to this machine), anything else is an address.
        var channel = Uri.TryCreate(recipient, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) ? ChannelIds.Webhook : ChannelIds.Mail;
        outbox.Enqueue(OutboxKinds.Notification, channel, recipient, conversationId: null, "en", Reply.Plain(text), now);
    }
}
