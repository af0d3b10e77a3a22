using CivicConnect.Geo.Duplicates;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>Open issues near a new report, on real PostGIS. Each test works around its own spot in the city.</summary>
public sealed class DuplicateFinderTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    private DateTimeOffset Yesterday => app.Clock.GetUtcNow().AddDays(-1);

    [Fact]
    public async Task An_open_pothole_30_m_away_is_offered()
    {
        var (lat, lon) = (51.0379, -114.0720);
        await using (var db = app.CreateDbContext())
        {
            await IssueRows.InsertAsync(db, "pothole", "Received", IssueRows.North(lat, 30), lon, "deep pothole by the bus stop", Yesterday);
        }

        var candidate = await FindAsync("pothole", lat, lon);

        Assert.NotNull(candidate);
        Assert.Equal("deep pothole by the bus stop", candidate.Description);
        Assert.InRange(candidate.DistanceMeters, 28, 32);
    }

    [Fact]
    public async Task A_closed_pothole_30_m_away_is_not_offered()
    {
        var (lat, lon) = (51.0453, -114.0581);
        await using (var db = app.CreateDbContext())
        {
            await IssueRows.InsertAsync(db, "pothole", "Closed", IssueRows.North(lat, 30), lon, "fixed last week", Yesterday);
            await IssueRows.InsertAsync(db, "pothole", "Resolved", IssueRows.North(lat, 20), lon, "fixed yesterday", Yesterday);
        }

        Assert.Null(await FindAsync("pothole", lat, lon));
    }

    [Fact]
    public async Task A_streetlight_120_m_away_is_offered_within_its_150_m_radius()
    {
        var (lat, lon) = (50.9982, -114.0733);
        await using (var db = app.CreateDbContext())
        {
            await IssueRows.InsertAsync(db, "streetlight", "Received", IssueRows.North(lat, 120), lon, "three lights out on the block", Yesterday);
        }

        var candidate = await FindAsync("streetlight", lat, lon);

        Assert.NotNull(candidate);
        Assert.InRange(candidate.DistanceMeters, 115, 125);
    }

    [Fact]
    public async Task A_pothole_120_m_away_is_beyond_the_default_50_m_radius()
    {
        var (lat, lon) = (51.0400, -113.9600);
        await using (var db = app.CreateDbContext())
        {
            await IssueRows.InsertAsync(db, "pothole", "Received", IssueRows.North(lat, 120), lon, "pothole down the road", Yesterday);
        }

        Assert.Null(await FindAsync("pothole", lat, lon));
    }

    [Fact]
    public async Task A_pothole_30_m_away_is_not_a_duplicate_of_graffiti()
    {
        var (lat, lon) = (51.1296, -113.9500);
        await using (var db = app.CreateDbContext())
        {
            await IssueRows.InsertAsync(db, "pothole", "Received", IssueRows.North(lat, 30), lon, "pothole near the school", Yesterday);
        }

        Assert.Null(await FindAsync("graffiti", lat, lon));
    }

    [Theory]
    [InlineData(91, -114)]
    [InlineData(double.NaN, -114)]
    [InlineData(51, double.PositiveInfinity)]
    [InlineData(45.0, -30.0)] // the Atlantic: valid, but nothing is reported there
    public async Task Bad_or_far_points_find_nothing_and_store_nothing(double lat, double lon)
    {
        await using var db = app.CreateDbContext();
        var before = await IssueRows.CountAsync(db);

        Assert.Null(await FindAsync("pothole", lat, lon));
        Assert.Equal(before, await IssueRows.CountAsync(db));
    }

    private async Task<DuplicateCandidate?> FindAsync(string category, double lat, double lon)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDuplicateFinder>().FindAsync(category, lat, lon, null, CancellationToken.None);
    }
}
