using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Staff.Map;
using CivicConnect.Staff.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Integration.Tests.Map;

/// <summary>
/// The map's query on real PostGIS: only open reports inside the box, clusters whose counts add up
/// to the reports in view, the dominant category, department scoping, and the GiST index at street zoom.
/// </summary>
public sealed class MapReportQueryTests(TestDatabaseFixture fixture) : IClassFixture<TestDatabaseFixture>, IAsyncLifetime
{
    // Calgary City Hall and a point some 3 km west of it (Sunalta), both inside the city.
    private const double HallLat = 51.0453, HallLon = -114.0581;
    private const double WestLat = 51.0440, WestLon = -114.1000;

    private static readonly MapBox City = new(-114.32, 50.84, -113.86, 51.22);
    private static readonly MapBox AroundHall = new(-114.0600, 51.0440, -114.0560, 51.0465);

    public async Task InitializeAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        if (await db.Issues.AnyAsync())
        {
            return;
        }

        // Around City Hall: three potholes (ROADS) and a graffiti (BYLAW) a few metres apart, one closed pothole.
        await MapRows.InsertAsync(db, "pothole", HallLat, HallLon);
        await MapRows.InsertAsync(db, "pothole", HallLat + 0.0001, HallLon);
        await MapRows.InsertAsync(db, "pothole", HallLat, HallLon + 0.0001);
        await MapRows.InsertAsync(db, "graffiti", HallLat + 0.0001, HallLon + 0.0001);
        await MapRows.InsertAsync(db, "pothole", HallLat + 0.0002, HallLon, status: "Resolved");

        // Out west: a streetlight (ROADS) on its own.
        await MapRows.InsertAsync(db, "streetlight", WestLat, WestLon);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AtStreetZoom_TheBoxHoldsOnlyItsOwnOpenReports_EachAsAMarker()
    {
        var found = await FindAsync(AroundHall, 18, Readers.Supervisor);

        Assert.Empty(found.Clusters);
        Assert.Equal(4, found.Reports.Count);
        Assert.Equal(4, found.Total);
        Assert.Equal(["graffiti", "pothole", "pothole", "pothole"], found.Reports.Select(r => r.Category).Order());
        Assert.All(found.Reports, r => Assert.InRange(r.Latitude, AroundHall.MinLatitude, AroundHall.MaxLatitude));
        Assert.DoesNotContain(found.Reports, r => r.Status == "Resolved");
    }

    [Fact]
    public async Task AtCityZoom_NeighboursFormOneCluster_WithTheirMostCommonCategory()
    {
        var found = await FindAsync(new MapBox(-114.12, 51.03, -114.04, 51.06), 12, Readers.Supervisor);

        var cluster = Assert.Single(found.Clusters);
        Assert.Equal(4, cluster.Count);
        Assert.Equal("pothole", cluster.DominantCategory);
        Assert.InRange(cluster.Latitude, HallLat, HallLat + 0.0001);
        Assert.Equal(HallLon, cluster.MinLongitude, 6);
        Assert.Equal(HallLon + 0.0001, cluster.MaxLongitude, 6);
        var alone = Assert.Single(found.Reports);
        Assert.Equal("streetlight", alone.Category);
        Assert.Equal(5, found.Total);
    }

    [Fact]
    public async Task Staff_SeeTheirDepartmentsReports_SupervisorsSeeAll_NoDepartmentSeesNone()
    {
        var box = new MapBox(-114.12, 51.03, -114.04, 51.06);

        var roads = await FindAsync(box, 18, Readers.Staff("roads"));
        Assert.Equal(["pothole", "pothole", "pothole", "streetlight"], roads.Reports.Select(r => r.Category).Order());

        var bylaw = await FindAsync(box, 18, Readers.Staff("BYLAW"));
        Assert.Equal(["graffiti"], bylaw.Reports.Select(r => r.Category));

        var nobody = await FindAsync(box, 18, Readers.Staff(null));
        Assert.Equal(0, nobody.Total);

        var everyone = await FindAsync(box, 18, Readers.Supervisor);
        Assert.Equal(5, everyone.Total);
    }

    [Fact]
    public async Task Wards_ComeBackAsGeoJson_WithTheirOpenReports()
    {
        await using var db = fixture.Database.CreateDbContext();
        var wards = await new WardMapQuery(db).FindAsync(Readers.Supervisor, CancellationToken.None);

        Assert.Equal(14, wards.Count);
        var openInWards = await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM issues WHERE ward_id IS NOT NULL
              AND status NOT IN ('Resolved', 'Closed', 'Duplicate', 'Rejected', 'ClosedNotFixed')
            """).SingleAsync();
        Assert.Equal(openInWards, wards.Sum(w => w.OpenReports));

        var bylawOnly = await new WardMapQuery(db).FindAsync(Readers.Staff("bylaw"), CancellationToken.None);
        Assert.True(bylawOnly.Sum(w => w.OpenReports) < wards.Sum(w => w.OpenReports));

        using var json = System.Text.Json.JsonDocument.Parse(WardGeoJson.Write(wards));
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(14, features.Count);
        // Simplifying a one-part ward may give a Polygon; Leaflet draws either.
        Assert.All(features, f => Assert.Contains(f.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" }));
        Assert.All(features, f => Assert.True(f.GetProperty("geometry").GetProperty("coordinates").GetArrayLength() > 0));
    }

    private async Task<MapReports> FindAsync(MapBox box, int zoom, ReportViewer scope)
    {
        await using var db = fixture.Database.CreateDbContext();
        return await new MapReportQuery(db, Options.Create(new MapOptions())).FindAsync(box, zoom, scope, CancellationToken.None);
    }
}
