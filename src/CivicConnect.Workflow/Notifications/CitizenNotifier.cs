using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Engine;
using CivicConnect.Core.Hosting;
using CivicConnect.Core.Issues;
using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Outbox;
using CivicConnect.Messaging.Recipients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Workflow.Notifications;

/// <summary>
/// Tells everyone subscribed to an issue — its reporter (unless anonymous) and citizens who
/// joined it as a duplicate — on their own channel and in their own language. Writes outbox rows
/// in the caller's unit of work, so they commit with the change they announce. Opted-out
/// conversations get nothing; outside urgent cases quiet hours hold the rows back. A web or app
/// citizen's update also goes to each of their <see cref="UpdateTarget"/>s (browser push, app push,
/// e-mail), the same text in the same language, held back alike and each target told once.
/// </summary>
public sealed class CitizenNotifier(
    CivicDbContext db,
    IOutbox outbox,
    UpdateTargets targets,
    IDialogCatalog dialogs,
    QuietHours quietHours,
    IOptions<CityOptions> city,
    IOptions<NotificationOptions> notifications,
    TimeProvider clock)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(city.Value.TimeZone);

    /// <param name="chatOnly">A question the citizen answers in the conversation (the satisfaction survey): not pushed or e-mailed.</param>
    /// <returns>How many notifications were written.</returns>
    public async Task<int> NotifyAsync(Issue issue, string messageKey, IReadOnlyList<(string Name, object? Value)> values, CancellationToken cancellationToken, bool chatOnly = false)
    {
        var subscribers = await RecipientsAsync(issue.Id, cancellationToken);
        if (subscribers.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var holdUntil = issue.Priority == Priority.Urgent ? null : quietHours.HoldUntil(now);
        var set = dialogs.Current;
        var link = StatusLink(issue);
        var extra = (chatOnly ? new List<UpdateTarget>() : await targets.OfAsync([.. subscribers.Select(c => c.Id)], cancellationToken)).ToLookup(t => t.ConversationId);
        var told = new HashSet<(string Channel, string Address)>();
        foreach (var conversation in subscribers)
        {
            var phrases = new Phrasebook(set, conversation.Locale, conversation.Channel, city.Value.Name, zone);
            var text = phrases.Say(messageKey, [("reference", issue.ReferenceNumber), .. values]);
            var withLink = link is null ? text : text + "\n" + phrases.Say("status_link", ("link", link));
            outbox.Enqueue(OutboxKinds.Notification, conversation.Channel, conversation.Address, conversation.Id, phrases.Locale, Reply.Plain(withLink), now, notBefore: holdUntil);
            foreach (var target in extra[conversation.Id])
            {
                var (address, reply) = target.Kind == UpdateTargetKinds.Email
                    ? (target.Address, Reply.Plain(withLink))
                    : (UpdateTargetAddress.Of(target), new Reply(text, [], new ReplyCard(phrases.Say("push_title", ("reference", issue.ReferenceNumber)), []), Link: link));
                if (told.Add((target.Kind, target.Kind == UpdateTargetKinds.Email ? address.ToUpperInvariant() : target.Address)))
                {
                    outbox.Enqueue(OutboxKinds.Notification, target.Kind, address, conversation.Id, phrases.Locale, reply, now, notBefore: holdUntil);
                }
            }
        }

        return subscribers.Count;
    }

    /// <summary>The report's public status page, when the service's public address is configured.</summary>
    public string? StatusLink(Issue issue) =>
        notifications.Value.StatusPageBaseUrl is { } baseUrl ? new Uri(baseUrl, $"/r/{issue.ReferenceNumber}?k={issue.PublicKey}").AbsoluteUri : null;

    /// <summary>
    /// Subscribed conversations that still accept messages, each once: those saved as subscribers and those this
    /// unit of work is adding, in one statement (it is on every transition's path; a report nobody follows costs one
    /// round trip, not two).
    /// </summary>
    private async Task<List<ConversationRecord>> RecipientsAsync(long issueId, CancellationToken cancellationToken)
    {
        var added = db.ChangeTracker.Entries<IssueSubscriber>()
            .Where(e => e.State == EntityState.Added && e.Entity.IssueId == issueId)
            .Select(e => e.Entity.ConversationId)
            .ToList();
        var conversations = db.Conversations.AsNoTracking();
        var subscribed = conversations.Where(c => db.IssueSubscribers.Any(s => s.IssueId == issueId && s.ConversationId == c.Id));
        if (added.Count > 0)
        {
            subscribed = subscribed.Union(conversations.Where(c => added.Contains(c.Id)));
        }

        return await subscribed
            .Where(c => !c.OptedOut)
            .OrderBy(c => c.CreatedAt)
            .ToListAsync(cancellationToken);
    }
}
