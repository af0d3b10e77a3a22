using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Workflow.Routing;

/// <summary>
/// How routing rules change: saved as the one open draft, simulated on the last N reports (what
/// moves where), then published as the next version. Publishing needs a simulation of the draft as
/// it stands against the rules in force — a save or a publish by someone else since then asks for a
/// new one — so no rule set goes live unseen. The admin API and the console both come through here.
/// A rollback publishes an earlier version again at once (it was in service before) and leaves the
/// draft open.
/// </summary>
public sealed class RoutingDrafts(
    CivicDbContext db,
    RoutingRuleStore store,
    RoutingRuleValidator validator,
    RoutingSimulator simulator,
    IOptions<RoutingOptions> options,
    TimeProvider clock)
{
    public const int DefaultSimulated = 100;

    public async Task<RoutingDraft?> GetAsync(CancellationToken cancellationToken) =>
        await db.RoutingRuleDrafts.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } row ? ToDraft(row) : null;

    /// <summary>Checks the rules against the catalogue and saves them as the open draft; any earlier simulation no longer counts.</summary>
    public async Task<RoutingDraft> SaveAsync(RoutingRuleSet rules, string actor, string? comment, CancellationToken cancellationToken)
    {
        await ValidateAsync(rules, cancellationToken);
        var current = await store.CurrentAsync(cancellationToken);
        var row = await db.RoutingRuleDrafts.SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new RoutingRuleDraft { Document = string.Empty, UpdatedBy = actor };
            db.RoutingRuleDrafts.Add(row);
        }

        row.Document = RoutingJson.Write(rules);
        row.BasedOnVersion = current.Version;
        row.UpdatedBy = actor;
        row.UpdatedAt = clock.GetUtcNow();
        row.Comment = string.IsNullOrWhiteSpace(comment) ? row.Comment : Bounded(comment);
        row.SimulatedAt = null;
        row.SimulatedReports = null;
        row.SimulatedMoves = null;
        await db.SaveChangesAsync(cancellationToken);

        // Simulating and publishing update the row in SQL: a tracked copy would go stale.
        db.Entry(row).State = EntityState.Detached;
        return ToDraft(row);
    }

    public async Task<bool> DiscardAsync(CancellationToken cancellationToken) =>
        await db.RoutingRuleDrafts.ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>Replays the last <paramref name="last"/> reports through the rules in force and the draft; records that the draft was seen.</summary>
    /// <returns>The reports the draft routes differently, or null when there is no draft.</returns>
    public async Task<RoutingSimulation?> SimulateAsync(int last, CancellationToken cancellationToken)
    {
        if (last < 1 || last > options.Value.MaxSimulated)
        {
            throw RoutingRulesInvalidException.For("last", $"Between 1 and {options.Value.MaxSimulated} reports can be replayed.");
        }

        var row = await db.RoutingRuleDrafts.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var rules = RoutingJson.Read(row.Document);
        await ValidateAsync(rules, cancellationToken);
        var simulation = await simulator.SimulateAsync(rules, last, cancellationToken);

        // Only the draft that was simulated is marked: a save that landed meanwhile stays unsimulated.
        var now = clock.GetUtcNow();
        await db.RoutingRuleDrafts.Where(d => d.Id == row.Id && d.UpdatedAt == row.UpdatedAt)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.BasedOnVersion, simulation.PublishedVersion)
                    .SetProperty(d => d.SimulatedAt, now)
                    .SetProperty(d => d.SimulatedReports, simulation.Considered)
                    .SetProperty(d => d.SimulatedMoves, simulation.Changed),
                cancellationToken);
        return simulation;
    }

    /// <summary>Publishes the open draft as the next version and closes it, in one transaction.</summary>
    public async Task<RoutingPublishOutcome> PublishAsync(string actor, string? comment, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var row = await db.RoutingRuleDrafts.FromSql($"SELECT * FROM routing_rule_drafts FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return new RoutingPublishOutcome(RoutingPublishStatus.NoDraft, null, null);
            }

            // The context may already track this row (an earlier step of the same request): read what is stored now.
            await db.Entry(row).ReloadAsync(cancellationToken);

            var current = await store.CurrentAsync(cancellationToken);
            if (row.SimulatedAt is null || row.BasedOnVersion != current.Version)
            {
                return new RoutingPublishOutcome(RoutingPublishStatus.NotSimulated, null, ToDraft(row));
            }

            var rules = RoutingJson.Read(row.Document);
            await ValidateAsync(rules, cancellationToken);
            var note = string.IsNullOrWhiteSpace(comment) ? row.Comment : Bounded(comment);
            var simulated = $"simulated on {row.SimulatedReports} reports, {row.SimulatedMoves} moved";
            var published = await store.PublishAsync(rules, actor, Bounded(note is null ? simulated : $"{note} ({simulated})"), cancellationToken);
            db.RoutingRuleDrafts.Remove(row);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new RoutingPublishOutcome(RoutingPublishStatus.Published, published, null);
        });
    }

    /// <summary>
    /// The one-call path kept for tools written against <c>PUT /admin/routing</c>: the rules still go
    /// through a draft and a simulation (of the last <see cref="DefaultSimulated"/> reports) before they are published.
    /// </summary>
    public async Task<PublishedRules> SaveAndPublishAsync(RoutingRuleSet rules, string actor, string? comment, CancellationToken cancellationToken)
    {
        await SaveAsync(rules, actor, comment, cancellationToken);
        await SimulateAsync(Math.Min(DefaultSimulated, options.Value.MaxSimulated), cancellationToken);
        var outcome = await PublishAsync(actor, comment, cancellationToken);
        return outcome.Published ?? throw new InvalidOperationException($"The rules could not be published: {outcome.Status}; another supervisor changed them at the same moment.");
    }

    /// <returns>The new version, or null when there is no such version.</returns>
    public async Task<PublishedRules?> RollbackAsync(int version, string actor, CancellationToken cancellationToken) =>
        await store.FindAsync(version, cancellationToken) is { } old
            ? await store.PublishAsync(old.Rules, actor, $"Rollback to version {version}", cancellationToken)
            : null;

    private async Task ValidateAsync(RoutingRuleSet rules, CancellationToken cancellationToken)
    {
        if (await validator.ValidateAsync(rules, cancellationToken) is { Count: > 0 } errors)
        {
            throw new RoutingRulesInvalidException(errors);
        }
    }

    private static string Bounded(string text) => text.Trim().Length <= 500 ? text.Trim() : text.Trim()[..500];

    private static RoutingDraft ToDraft(RoutingRuleDraft row) =>
        new(RoutingJson.Read(row.Document), row.BasedOnVersion, row.UpdatedBy, row.UpdatedAt, row.Comment, row.SimulatedAt, row.SimulatedReports, row.SimulatedMoves);
}

/// <param name="BasedOnVersion">The published version it was saved (or last simulated) against.</param>
/// <param name="SimulatedAt">Null until the draft as it stands has been simulated.</param>
public sealed record RoutingDraft(
    RoutingRuleSet Rules,
    int BasedOnVersion,
    string UpdatedBy,
    DateTimeOffset UpdatedAt,
    string? Comment,
    DateTimeOffset? SimulatedAt,
    int? SimulatedReports,
    int? SimulatedMoves);

public enum RoutingPublishStatus
{
    Published,
    NoDraft,

    /// <summary>The draft as it stands has not been simulated against the rules in force.</summary>
    NotSimulated,
}

/// <param name="Draft">The draft that could not be published (NotSimulated).</param>
public sealed record RoutingPublishOutcome(RoutingPublishStatus Status, PublishedRules? Published, RoutingDraft? Draft);
