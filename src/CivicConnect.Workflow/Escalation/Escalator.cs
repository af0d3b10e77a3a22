using System.Globalization;
using CivicConnect.Channels.Outbox;
using CivicConnect.Conversation.Activities;
using CivicConnect.Core.Issues;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Workflow.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Workflow.Escalation;

/// <summary>
/// What a deadline does when it passes: if the issue is not yet resolved (or otherwise finished),
/// raise its escalation level (and priority), write the history line and alert the department's
/// supervisor contact and the rule's alert addresses through the outbox, all in one transaction.
/// </summary>
public sealed class Escalator(CivicDbContext db, RoutingRuleStore rules, IssueRouter router, IOptions<EscalationOptions> options, TimeProvider clock)
{
    /// <summary>States at or past the one a deadline expects: nothing to escalate any more.</summary>
    public static readonly IssueStatus[] Done = [IssueStatus.Resolved, IssueStatus.Closed, IssueStatus.Duplicate, IssueStatus.Rejected, IssueStatus.ClosedNotFixed];

    /// <returns>The time to the next escalation, or null when there is none to schedule.</returns>
    public async Task<TimeSpan?> EscalateAsync(int reference, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var issue = await db.Issues.Include(i => i.Category).Include(i => i.Department).Include(i => i.Ward)
            .FirstOrDefaultAsync(i => i.ReferenceNumber == reference, cancellationToken);
        if (issue is null || Done.Contains(issue.Status) || issue.EscalationLevel >= options.Value.MaxLevel)
        {
            // Never committed (the submitting turn rolled back), already finished, or escalated as far as it goes.
            return null;
        }

        var now = clock.GetUtcNow();
        issue.EscalationLevel++;
        if (options.Value.RaisePriority && issue.Priority < Priority.Urgent)
        {
            issue.Priority++;
        }

        issue.UpdatedAt = now;
        issue.Events.Add(new IssueEvent
        {
            Actor = "escalation",
            FromStatus = issue.Status,
            ToStatus = issue.Status,
            Comment = string.Create(CultureInfo.InvariantCulture, $"Deadline passed in {issue.Status}: escalated to level {issue.EscalationLevel}, priority {issue.Priority}"),
            IsPublic = false,
            OccurredAt = now,
        });

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
            db.OutboxMessages.Add(Alert(recipient, text, now));
        }

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
        if (issue is null || Done.Contains(issue.Status))
        {
            return;
        }

        // An assignee is a person's sign-in (often their e-mail); a name without an address goes through the department.
        var to = issue.AssignedTo is { } assignee && RoutingRuleValidator.IsAlertAddress(assignee) ? assignee : issue.Contact;
        if (to is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var text = string.Create(CultureInfo.InvariantCulture, $"Reminder: 311 report #{reference} is due {issue.Deadline:yyyy-MM-dd HH:mm} UTC and is still {issue.Status}.");
        db.OutboxMessages.Add(Alert(to, text, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static OutboxMessage Alert(string recipient, string text, DateTimeOffset now) => new()
    {
        Kind = OutboxKinds.Notification,
        // A URL goes to the webhook sender (which refuses plain http except to this machine), anything else is an address.
        Channel = Uri.TryCreate(recipient, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) ? AlertChannels.Webhook : AlertChannels.Mail,
        Address = recipient,
        Payload = OutboxPayload.Write("en", Reply.Plain(text)),
        NextAttemptAt = now,
        CreatedAt = now,
    };
}

/// <summary>Outbox channels for staff alerts.</summary>
public static class AlertChannels
{
    public const string Mail = "mail";
    public const string Webhook = "webhook";
}
