using CivicConnect.Core.Hosting;
using CivicConnect.Core.Tests.Classification;
using CivicConnect.Geo.Duplicates;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Intelligence.Embeddings;
using CivicConnect.Intelligence.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CivicConnect.Integration.Tests.Duplicates;

/// <summary>
/// Issue 15 stores each candidate's description vector and reuses the new report's vector; the
/// duplicate ranking must answer exactly as before: same candidates, same order, same scores.
/// </summary>
public sealed class DuplicateRankingAnswersTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    private const double Latitude = 51.0379;
    private const double Longitude = -114.0720;

    [Fact]
    public async Task RankAsync_WithStoredDescriptionVectors_AnswersAsTheRankingBeforeIt()
    {
        var eval = LabelledSetCsv.Read(Path.Combine(RepositoryPaths.Prompts, "eval", "messages.csv"));
        var open = eval.Where(m => m.CategoryCode == "pothole").Take(5).Select(m => m.Text).ToList();
        var reports = eval.Where(m => !open.Contains(m.Text)).GroupBy(m => m.CategoryCode).SelectMany(g => g.Take(3)).Select(m => m.Text).ToList();
        await OpenPotholesAsync(open);

        var options = app.Services.GetRequiredService<IOptions<DuplicateOptions>>();
        var shipped = app.Services.GetRequiredService<IDescriptionSimilarity>();
        using var legacy = new LegacyMiniLmEmbedder();
        var differences = new List<string>();
        foreach (var report in reports)
        {
            await using var db = app.CreateDbContext();
            var before = await new NearbyDuplicateFinder(db, options, app.Clock, new SimilarityBefore(legacy)).RankAsync("pothole", Latitude, Longitude, report, CancellationToken.None);
            var now = await new NearbyDuplicateFinder(db, options, app.Clock, shipped).RankAsync("pothole", Latitude, Longitude, report, CancellationToken.None);
            if (string.Join(",", before.Select(c => c.IssueId)) != string.Join(",", now.Select(c => c.IssueId))
                || before.Zip(now).Any(p => Math.Abs(p.First.Score - p.Second.Score) > 1e-4))
            {
                differences.Add($"\"{report}\": {Describe(before)} → {Describe(now)}");
            }
        }

        Assert.True(reports.Count >= 30, $"only {reports.Count} reports");
        Assert.Empty(differences);

        // Every candidate's vector was stored by the first ranking and matches its description.
        await using var check = app.CreateDbContext();
        var stored = await check.Database.SqlQueryRaw<long>(
            "SELECT v.issue_id AS \"Value\" FROM issue_description_vectors v JOIN issues i ON i.id = v.issue_id WHERE v.description_md5 = md5(i.description) AND cardinality(v.vector) = 384").ToListAsync();
        Assert.Equal(5, stored.Count);
    }

    /// <summary>Five open potholes 0–28 m east of the point, reported 0–4 days ago.</summary>
    private async Task OpenPotholesAsync(List<string> descriptions)
    {
        await using var db = app.CreateDbContext();
        var now = app.Clock.GetUtcNow();
        for (var i = 0; i < descriptions.Count; i++)
        {
            var description = descriptions[i];
            var longitude = Longitude + (i * 0.0001);
            var created = now.AddDays(-i);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO issues (category_id, priority, status, escalation_level, description, location, channel, locale, attributes, vote_count, created_at, updated_at)
                VALUES ((SELECT id FROM service_categories WHERE code = 'pothole'), 'Normal', 'Received', 0, {description},
                        ST_SetSRID(ST_MakePoint({longitude}, {Latitude}), 4326), 'web', 'en', jsonb_build_object(), 0, {created}, {created})
                """);
        }
    }

    private static string Describe(IReadOnlyList<DuplicateCandidate> ranked) => string.Join(" ", ranked.Select(c => $"{c.IssueId}:{c.Score:0.00000}"));

    /// <summary>The ranking's similarity as it was before issue 15: the new description and every candidate embedded together, nothing stored.</summary>
    private sealed class SimilarityBefore(ITextEmbedder embedder) : IDescriptionSimilarity
    {
        public Task<DescriptionScores> ScoreAsync(string description, IReadOnlyList<ComparedDescription> candidates, CancellationToken cancellationToken)
        {
            var vectors = embedder.Embed([description, .. candidates.Select(c => c.Text)], cancellationToken);
            IReadOnlyList<double> scores = vectors.Skip(1).Select(v => (double)Vectors.Cosine(vectors[0], v)).ToList();
            return Task.FromResult(new DescriptionScores(scores, new float[]?[candidates.Count]));
        }
    }
}
