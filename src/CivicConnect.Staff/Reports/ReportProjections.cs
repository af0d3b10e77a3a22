using System.Linq.Expressions;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace CivicConnect.Staff.Reports;

/// <summary>
/// The database shapes of what staff read. The reporter's details are a separate query made only
/// for readers allowed to see them, so a field worker's answer never had them to begin with.
/// </summary>
internal static class ReportProjections
{
    public static readonly Expression<Func<Issue, IssueSummary>> Summary = i => new IssueSummary(
        i.Id,
        i.ReferenceNumber,
        i.Status.ToString(),
        i.Category!.Code,
        i.Priority.ToString(),
        i.Department!.Code,
        i.AssignedTo,
        i.Ward!.Code,
        i.Description,
        i.Location == null ? null : new Position(i.Location.Y, i.Location.X),
        i.AddressText,
        i.Channel,
        i.CreatedAt,
        i.UpdatedAt,
        i.Deadline,
        i.EscalationLevel,
        i.VoteCount,
        null,
        false,
        i.Media.Count);

    /// <summary>Past the deadline and not finished: the SLA clock's one rule.</summary>
    public static bool IsBreached(string status, DateTimeOffset? deadline, DateTimeOffset now) =>
        deadline is { } due && due < now && Enum.TryParse<IssueStatus>(status, out var parsed) && !parsed.IsFinished();

    public static IssueSummary WithClock(IssueSummary summary, DateTimeOffset now) =>
        summary with { SlaBreached = IsBreached(summary.Status, summary.Deadline, now) };

    /// <summary>The reporter's details as stored (<see cref="ReporterColumns.View"/> decides whether there is anything to show).</summary>
    public static Expression<Func<Issue, ReporterColumns>> Reporter(CivicDbContext db) => i => new ReporterColumns(
        db.Conversations
            .Where(c => c.Id == i.ReporterConversationId && i.Subscribers.Any(s => s.ConversationId == c.Id && s.Kind == SubscriberKind.Reporter))
            .Select(c => new ReporterConversation(c.Channel, c.Address))
            .FirstOrDefault(),
        i.ReporterName,
        i.ReporterPhone,
        i.ReporterEmail,
        i.ReporterAddress);

    /// <summary>
    /// <see cref="Reporter"/> only on reports of <paramref name="department"/> (null columns elsewhere), decided in SQL: a staff
    /// member's page carries their own department's reporters in the same statement (<see cref="ReportScope.SeesReporterOf"/>).
    /// </summary>
    public static Expression<Func<Issue, ReporterColumns>> ReporterIn(CivicDbContext db, string department) => i => new ReporterColumns(
        db.Conversations
            .Where(c => c.Id == i.ReporterConversationId && i.Department!.Code == department && i.Subscribers.Any(s => s.ConversationId == c.Id && s.Kind == SubscriberKind.Reporter))
            .Select(c => new ReporterConversation(c.Channel, c.Address))
            .FirstOrDefault(),
        i.Department!.Code == department ? i.ReporterName : null,
        i.Department!.Code == department ? i.ReporterPhone : null,
        i.Department!.Code == department ? i.ReporterEmail : null,
        i.Department!.Code == department ? i.ReporterAddress : null);

    /// <summary>The reporters of <paramref name="ids"/> that have anything to show, for one report or a field worker's list.</summary>
    public static async Task<Dictionary<long, ReporterView>> LoadReportersAsync(CivicDbContext db, List<long> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Issues.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .Select(Compose(Reporter(db), (Issue i, ReporterColumns reporter) => new IdentifiedReporter(i.Id, reporter)))
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => (r.Id, View: r.Reporter.View()))
            .Where(r => r.View is not null)
            .ToDictionary(r => r.Id, r => r.View!);
    }

    /// <summary>One projection from another's result: <paramref name="outer"/> with <paramref name="inner"/>'s body in place of its second parameter.</summary>
    public static Expression<Func<Issue, TResult>> Compose<TInner, TResult>(Expression<Func<Issue, TInner>> inner, Expression<Func<Issue, TInner, TResult>> outer)
    {
        var issue = outer.Parameters[0];
        return Expression.Lambda<Func<Issue, TResult>>(ReplacingExpressionVisitor.Replace(outer.Parameters[1], Inline(inner, issue), outer.Body), issue);
    }

    /// <summary>The body of a projection of one report, reading <paramref name="issue"/> instead of its own parameter, to build a larger projection with.</summary>
    public static Expression Inline(LambdaExpression projection, ParameterExpression issue) =>
        ReplacingExpressionVisitor.Replace(projection.Parameters[0], issue, projection.Body);

    private sealed record IdentifiedReporter(long Id, ReporterColumns Reporter);
}

internal sealed record ReporterConversation(string Channel, string Address);

/// <summary>A report's reporter as stored.</summary>
internal sealed record ReporterColumns(ReporterConversation? Conversation, string? Name, string? Phone, string? Email, string? Address)
{
    /// <summary>A reporter who stayed anonymous (asked for no updates) is not shown even to office staff: nothing, no view.</summary>
    public ReporterView? View() =>
        Conversation is null && Name is null && Phone is null && Email is null && Address is null
            ? null
            : new ReporterView(Conversation?.Channel, Conversation?.Address, Name, Phone, Email, Address);
}
