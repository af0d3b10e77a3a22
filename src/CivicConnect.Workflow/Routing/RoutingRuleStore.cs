using CivicConnect.Core.Hosting;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CivicConnect.Workflow.Routing;

/// <summary>
/// The published routing rules, versioned in PostgreSQL. An empty table is filled with the rules
/// file as version 1 on first use, so every node and every fresh database start from the same rules.
/// </summary>
public sealed class RoutingRuleStore(CivicDbContext db, IOptions<RoutingOptions> options, TimeProvider clock)
{
    public const string FileActor = "rules file";

    public async Task<PublishedRules> CurrentAsync(CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(cancellationToken);
        if (latest is null)
        {
            await SeedFromFileAsync(cancellationToken);
            latest = await LatestAsync(cancellationToken) ?? throw new InvalidOperationException("The routing rules could not be loaded.");
        }

        return latest;
    }

    public async Task<IReadOnlyList<RoutingVersionInfo>> VersionsAsync(CancellationToken cancellationToken)
    {
        await CurrentAsync(cancellationToken);
        return await db.RoutingRuleVersions.AsNoTracking()
            .OrderByDescending(v => v.Version)
            .Select(v => new RoutingVersionInfo(v.Version, v.CreatedBy, v.Comment, v.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<PublishedRules?> FindAsync(int version, CancellationToken cancellationToken) =>
        await db.RoutingRuleVersions.AsNoTracking()
            .Where(v => v.Version == version)
            .Select(v => new { v.Version, v.Document, v.CreatedBy, v.Comment, v.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken) is { } row
            ? new PublishedRules(row.Version, RoutingJson.Read(row.Document), new RoutingVersionInfo(row.Version, row.CreatedBy, row.Comment, row.CreatedAt))
            : null;

    /// <summary>Publishes <paramref name="rules"/> as the next version; it is in force for the next report.</summary>
    public async Task<PublishedRules> PublishAsync(RoutingRuleSet rules, string actor, string? comment, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        var row = new RoutingRuleVersion
        {
            Version = current.Version + 1,
            Document = RoutingJson.Write(rules),
            CreatedBy = actor,
            Comment = comment,
            CreatedAt = clock.GetUtcNow(),
        };
        db.RoutingRuleVersions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new PublishedRules(row.Version, rules, new RoutingVersionInfo(row.Version, row.CreatedBy, row.Comment, row.CreatedAt));
    }

    private async Task<PublishedRules?> LatestAsync(CancellationToken cancellationToken)
    {
        var version = await db.RoutingRuleVersions.AsNoTracking().MaxAsync(v => (int?)v.Version, cancellationToken);
        return version is null ? null : await FindAsync(version.Value, cancellationToken);
    }

    private async Task SeedFromFileAsync(CancellationToken cancellationToken)
    {
        var path = Path.IsPathRooted(options.Value.RulesFile) ? options.Value.RulesFile : Path.Combine(RepositoryPaths.RootDirectory, options.Value.RulesFile);
        var rules = RoutingJson.Read(await File.ReadAllTextAsync(path, cancellationToken));
        var document = RoutingJson.Write(rules);
        try
        {
            // Several nodes may start on an empty table at once: the unique version lets one of them win.
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO routing_rule_versions (version, document, created_by, comment, created_at)
                VALUES (1, {document}::jsonb, {FileActor}, {Path.GetFileName(path)}, {clock.GetUtcNow()})
                ON CONFLICT (version) DO NOTHING
                """,
                cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another node seeded it first.
        }
    }
}

public sealed record RoutingVersionInfo(int Version, string CreatedBy, string? Comment, DateTimeOffset CreatedAt);

public sealed record PublishedRules(int Version, RoutingRuleSet Rules, RoutingVersionInfo Info);
