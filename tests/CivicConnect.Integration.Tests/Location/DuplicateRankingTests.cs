using CivicConnect.Geo.Duplicates;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>
/// Ranking of nearby open issues in the real app: confusable categories from appsettings.json,
/// and description similarity from the embedded MiniLM model (no stand-in). Each test has its own spot.
/// </summary>
public sealed class DuplicateRankingTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    private DateTimeOffset Now => app.Clock.GetUtcNow();

    [Fact]
    public async Task A_dark_traffic_signal_30_m_away_is_offered_for_a_streetlight_report()
    {
        var (lat, lon) = (51.0450, -114.0700);
        await using (var db = app.CreateDbContext())
        {
            await IssueRows.InsertAsync(db, "traffic-signal", "Received", IssueRows.North(lat, 30), lon, "the lights at the corner are all dark", Now.AddDays(-1));
        }

        var candidate = await FindAsync("streetlight", lat, lon, "the light on the corner is out");

        Assert.NotNull(candidate);
        Assert.Equal("traffic-signal", candidate.CategoryCode);
    }

    [Fact]
    public async Task Graffiti_30_m_away_is_not_offered_for_a_pothole_even_with_the_same_words()
    {
        var (lat, lon) = (51.0600, -114.0900);
        await using (var db = app.CreateDbContext())
        {
            await IssueRows.InsertAsync(db, "graffiti", "Received", IssueRows.North(lat, 30), lon, "big pothole painted on the wall", Now.AddDays(-1));
        }

        Assert.Null(await FindAsync("pothole", lat, lon, "big pothole"));
    }

    [Fact]
    public async Task Of_two_candidates_at_a_similar_distance_the_more_alike_description_ranks_first()
    {
        var (lat, lon) = (51.0700, -114.1000);
        await using (var db = app.CreateDbContext())
        {
            await IssueRows.InsertAsync(db, "pothole", "Received", IssueRows.North(lat, 25), lon, "the road surface is cracked along the curb", Now.AddDays(-3));
            await IssueRows.InsertAsync(db, "pothole", "Received", IssueRows.North(lat, 32), lon, "huge pothole in the left lane damaging car tires", Now.AddDays(-3));
        }

        var byWords = await RankAsync("pothole", lat, lon, "a deep pothole in the lane just wrecked my tire");
        var byPlaceAlone = await RankAsync("pothole", lat, lon, null);

        Assert.Equal(["huge pothole in the left lane damaging car tires", "the road surface is cracked along the curb"], byWords.Select(c => c.Description));
        Assert.Equal(["the road surface is cracked along the curb", "huge pothole in the left lane damaging car tires"], byPlaceAlone.Select(c => c.Description));
        Assert.All(byWords, c => Assert.InRange(c.Score, 0, 1));
    }

    [Fact]
    public async Task At_the_same_distance_and_wording_the_newer_report_ranks_first()
    {
        var (lat, lon) = (51.0800, -114.1100);
        await using (var db = app.CreateDbContext())
        {
            await IssueRows.InsertAsync(db, "pothole", "Received", IssueRows.North(lat, 20), lon, "pothole by the crosswalk", Now.AddDays(-60));
            await IssueRows.InsertAsync(db, "pothole", "Received", IssueRows.North(lat, 20), lon + 0.0000001, "pothole by the crosswalk", Now.AddDays(-2));
        }

        var ranked = await RankAsync("pothole", lat, lon, "pothole by the crosswalk");

        Assert.Equal(2, ranked.Count);
        Assert.True(ranked[0].ReportedAt > ranked[1].ReportedAt, "the newer report comes first");
    }

    private async Task<DuplicateCandidate?> FindAsync(string category, double lat, double lon, string? description)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDuplicateFinder>().FindAsync(category, lat, lon, description, CancellationToken.None);
    }

    private async Task<IReadOnlyList<DuplicateCandidate>> RankAsync(string category, double lat, double lon, string? description)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDuplicateFinder>().RankAsync(category, lat, lon, description, CancellationToken.None);
    }
}
