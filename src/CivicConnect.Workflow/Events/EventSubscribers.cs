using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Workflow.Events;

/// <summary>
/// Supervisors' management of the systems that receive report events: list, add, remove. The API
/// (and any console page) calls this, so the checks live here: a name, a department that exists (or
/// none: every department), and a URL the webhook channel will actually call (<see cref="IWebhookAddressRule"/>:
/// https to public addresses, or an allow-listed host).
/// </summary>
public sealed class EventSubscribers(CivicDbContext db, TimeProvider clock, IWebhookAddressRule? addressRule = null)
{
    public const int NameLength = 100;
    public const int UrlLength = 500;

    public async Task<IReadOnlyList<EventSubscriberView>> ListAsync(CancellationToken cancellationToken) =>
        await db.EventSubscribers.AsNoTracking()
            .OrderBy(s => s.Id)
            .Select(s => new EventSubscriberView(s.Id, s.Name, s.Url, s.Department == null ? null : s.Department.Code, s.CreatedBy, s.CreatedAt))
            .ToListAsync(cancellationToken);

    /// <exception cref="EventSubscriberInvalidException">A field is missing or wrong; nothing is stored.</exception>
    public async Task<EventSubscriberView> AddAsync(NewEventSubscriber subscriber, string actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = subscriber.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > NameLength)
        {
            errors["name"] = [$"A name of 1 to {NameLength} characters says what the receiving system is."];
        }

        var url = subscriber.Url?.Trim() ?? string.Empty;
        if (await UrlRefusalAsync(url, cancellationToken) is { } refusal)
        {
            errors["url"] = [refusal];
        }

        int? departmentId = null;
        var departmentCode = string.IsNullOrWhiteSpace(subscriber.Department) ? null : subscriber.Department.Trim();
        if (departmentCode is not null)
        {
            departmentId = await db.Departments.Where(d => d.Code == departmentCode).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken);
            if (departmentId is null)
            {
                errors["department"] = [$"There is no department '{departmentCode}' (leave it out for every department)."];
            }
        }

        // The same URL twice for the same reports would receive every event twice.
        if (!errors.ContainsKey("url") && !errors.ContainsKey("department")
            && await db.EventSubscribers.AnyAsync(s => s.Url == url && s.DepartmentId == departmentId, cancellationToken))
        {
            errors["url"] = ["This URL already receives these reports' events."];
        }

        if (errors.Count > 0)
        {
            throw new EventSubscriberInvalidException(errors);
        }

        var row = new EventSubscriber { Name = name, Url = url, DepartmentId = departmentId, CreatedBy = actor, CreatedAt = clock.GetUtcNow() };
        db.EventSubscribers.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new EventSubscriberView(row.Id, row.Name, row.Url, departmentCode, row.CreatedBy, row.CreatedAt);
    }

    /// <returns>False when there was no such subscriber. Events already written for it are still sent.</returns>
    public async Task<bool> RemoveAsync(int id, CancellationToken cancellationToken) =>
        await db.EventSubscribers.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task<string?> UrlRefusalAsync(string url, CancellationToken cancellationToken)
    {
        if (url.Length is 0 or > UrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http"))
        {
            return $"An absolute https URL of at most {UrlLength} characters is required.";
        }

        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            return "A URL must not carry a user name or password: events are signed instead.";
        }

        if (addressRule is null)
        {
            return "Signed webhooks are not configured on this service (Webhook:Secret), so no event could be sent.";
        }

        return await addressRule.RefusalAsync(url, cancellationToken);
    }
}

/// <param name="Department">A department code; null or empty: every department.</param>
public sealed record NewEventSubscriber(string? Name, string? Url, string? Department);

/// <param name="Department">The department code it follows; null: every department.</param>
public sealed record EventSubscriberView(int Id, string Name, string Url, string? Department, string CreatedBy, DateTimeOffset CreatedAt);
