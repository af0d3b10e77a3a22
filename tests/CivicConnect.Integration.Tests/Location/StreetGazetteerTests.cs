using CivicConnect.Geo.Locating;
using CivicConnect.Geo.Places.Import;
using CivicConnect.Geo.Places.Resolve;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>
/// The street gazetteer in PostgreSQL, imported from the City registers, behind the one locator
/// every surface calls; no geocoder configured (the offline default).
/// </summary>
public sealed class StreetGazetteerTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    private ILocator Locator => app.Services.GetRequiredService<ILocator>();

    [Theory]
    [InlineData("Macleod Trail and Heritage Drive SE", 50.9796, -114.0715)]
    [InlineData("Crowchild Tr & Bow Tr", 51.0436, -114.1128)]
    [InlineData("9 Ave SE & 12 St SE", 51.0412, -114.0344)]
    [InlineData("800 Macleod Trail SE", 51.0450, -114.0570)]
    [InlineData("Peace Bridge", 51.0536, -114.0794)]
    [InlineData("Sunridge Mall", 51.0731, -113.9857)]
    [InlineData("Rockyview hospital", 50.9918, -114.0963)]
    [InlineData("Tuscany LRT station", 51.1345, -114.2356)]
    [InlineData("coin de la 17e Avenue et de la 4e Rue SO", 51.0378, -114.0715)]
    public async Task FindAsync_PlacesCitizensType_AreLocatedInAWard(string text, double latitude, double longitude)
    {
        var match = Assert.Single(await Locator.FindAsync(text, CancellationToken.None));

        Assert.NotNull(match.Ward);
        Assert.False(match.Coarse);
        Assert.InRange(GeoMath.Metres(match.Latitude, match.Longitude, latitude, longitude), 0, 400);
    }

    [Fact]
    public async Task FindAsync_CornerInSeveralQuadrants_IsAQuestion()
    {
        var matches = await Locator.FindAsync("17 ave and 4 st", CancellationToken.None);

        Assert.Contains(matches, m => m.Label == "17 Ave SW & 4 St SW");
        Assert.Contains(matches, m => m.Label == "17 Ave NW & 4 St NW");
    }

    [Fact]
    public async Task FindAsync_CornerInSeveralQuadrants_IsSettledByTheCommunityNamed()
    {
        var bowness = Assert.Single(await Locator.FindAsync("in Bowness", CancellationToken.None));
        Assert.True(bowness.Coarse);

        var matches = await Locator.FindAsync("17 ave and 4 st", new PlaceHint(51.0378, -114.0715), CancellationToken.None);

        Assert.Equal("17 Ave SW & 4 St SW", Assert.Single(matches).Label);
    }

    [Theory]
    [InlineData("Kensingtn", "Kensington", "7")]
    [InlineData("bridgland", "Bridgeland", "9")]
    [InlineData("Cranstn", "Cranston", "12")]
    public async Task FindAsync_MisspeltCommunity_IsFoundAndCoarse(string text, string community, string ward)
    {
        var match = Assert.Single(await Locator.FindAsync(text, CancellationToken.None));

        Assert.Equal(community, match.Label);
        Assert.True(match.Coarse);
        Assert.Equal(ward, match.Ward?.Code);
    }

    [Theory]
    [InlineData("99999 Nowhere Rd SW")]
    [InlineData("zzzz qqqq")]
    public async Task FindAsync_UnknownPlaceWithoutAGeocoder_GivesNoGuess(string text) =>
        Assert.Empty(await Locator.FindAsync(text, CancellationToken.None));

    [Fact]
    public async Task FindAsync_BadText_IsHandledAndStoresNothing()
    {
        await using var db = app.CreateDbContext();
        var before = await IssueRows.CountAsync(db);

        Assert.Empty(await Locator.FindAsync(new string('x', 5000), CancellationToken.None));
        Assert.Empty(await Locator.FindAsync("🚧🚧🚧", CancellationToken.None));
        Assert.Empty(await Locator.FindAsync("'; DROP TABLE place_corners; --", CancellationToken.None));
        Assert.Empty(await Locator.FindAsync("Robert'); DELETE FROM issues WHERE ('1'='1", CancellationToken.None));

        Assert.Equal(before, await IssueRows.CountAsync(db));
        Assert.NotEmpty(await Locator.FindAsync("Macleod Trail and Heritage Drive SE", CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_TypedCoordinatesInTheAtlantic_AreOutsideTheCity() =>
        Assert.Null(Assert.Single(await Locator.FindAsync("45.0, -30.0", CancellationToken.None)).Ward);

    [Theory]
    [InlineData(51.0370, -114.0900, "1722 11 St SW")]
    [InlineData(50.97957, -114.07157, "Heritage Dr S & Macleod Trail S")]
    [InlineData(51.0453, -114.0581, "Calgary City Hall")]
    public async Task DescribePointAsync_Pin_ReadsBackTheAddressCornerOrLandmarkItIsAt(double latitude, double longitude, string label)
    {
        var match = await Locator.DescribePointAsync(latitude, longitude, CancellationToken.None);

        Assert.Equal(label, match.Label);
        Assert.NotNull(match.Ward);
    }

    [Fact]
    public async Task Import_EveryPoint_GetsItsWard()
    {
        await using var db = app.CreateDbContext();

        Assert.True(await db.PlaceCorners.CountAsync() > 5000);
        Assert.True(await db.PlaceAddresses.CountAsync() > 10000);
        var outside = await db.PlaceAddresses.CountAsync(a => a.WardId == null);
        Assert.True(outside < 50, $"{outside} addresses have no ward");
    }

    [Fact]
    public async Task Import_AFolderOfNoKnownFormat_IsRefusedAndTheGazetteerStays()
    {
        var folder = Directory.CreateTempSubdirectory("civic-places-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "notes.csv"), "what,where\nnothing,here\n");
            var importer = app.Services.CreateScope().ServiceProvider.GetRequiredService<PlaceImporter>();

            await Assert.ThrowsAsync<InvalidDataException>(() => importer.ImportAsync(PlaceSources.Read(folder.FullName, landmarkFile: null, progress: null), progress: null, CancellationToken.None));

            Assert.NotEmpty(await Locator.FindAsync("Macleod Trail and Heritage Drive SE", CancellationToken.None));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
