using System.Text;
using CivicConnect.Geo.Gazetteer;
using CivicConnect.Geo.Locating;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>The gazetteer in PostgreSQL, with no geocoder configured: the offline default.</summary>
public sealed class GazetteerTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    [Theory]
    [InlineData("Kensingtn", "Kensington", "7")]
    [InlineData("bridgland", "Bridgeland", "9")]
    [InlineData("near Nose Hil Park", "Nose Hill Park", null)]
    [InlineData("Cranstn", "Cranston", "12")]
    public async Task A_misspelt_place_still_resolves_by_trigram(string text, string place, string? ward)
    {
        var matches = await app.Services.GetRequiredService<ILocator>().FindAsync(text, CancellationToken.None);

        var match = Assert.Single(matches, m => m.Label == place);
        Assert.NotNull(match.Ward);
        if (ward is not null)
        {
            Assert.Equal(ward, match.Ward.Code);
        }
    }

    [Theory]
    [InlineData("1234 17 Ave SW")]
    [InlineData("zzzz qqqq")]
    public async Task Without_a_geocoder_an_unknown_address_gives_no_guess(string text) =>
        Assert.Empty(await app.Services.GetRequiredService<ILocator>().FindAsync(text, CancellationToken.None));

    [Fact]
    public async Task Bad_text_is_handled_and_stores_nothing()
    {
        var locator = app.Services.GetRequiredService<ILocator>();
        await using var db = app.CreateDbContext();
        var before = await IssueRows.CountAsync(db);

        Assert.Empty(await locator.FindAsync(new string('x', 5000), CancellationToken.None));
        Assert.Empty(await locator.FindAsync("'; DROP TABLE gazetteer_places; --", CancellationToken.None));
        Assert.Empty(await locator.FindAsync("Robert'); DELETE FROM issues WHERE ('1'='1", CancellationToken.None));

        Assert.Equal(before, await IssueRows.CountAsync(db));
        Assert.NotEmpty(await locator.FindAsync("Kensingtn", CancellationToken.None));
    }

    [Fact]
    public async Task Typed_coordinates_in_the_atlantic_are_outside_the_city()
    {
        var match = Assert.Single(await app.Services.GetRequiredService<ILocator>().FindAsync("45.0, -30.0", CancellationToken.None));
        Assert.Null(match.Ward);
    }

    [Fact]
    public async Task A_city_file_replaces_the_places_and_a_bad_file_lists_every_problem()
    {
        const string Bad = """{ "places": [ { "name": "", "kind": "landmark", "lat": 91, "lon": 0 }, { "name": "X", "kind": "", "lat": 51, "lon": -114 } ] }""";
        var problem = Assert.Throws<InvalidDataException>(() => GazetteerFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(Bad)), "bad.json"));
        Assert.Contains("lat/lon", problem.Message, StringComparison.Ordinal);
        Assert.Contains("kind is required", problem.Message, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        var search = new GazetteerSearch(db);
        try
        {
            const string Good = """{ "places": [ { "name": "Olympic Plaza", "kind": "landmark", "lat": 51.0450, "lon": -114.0590, "aliases": ["olympic plaza"] } ] }""";
            var count = await new GazetteerImporter(db).ImportAsync(GazetteerFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(Good)), "good.json"), CancellationToken.None);

            Assert.Equal(1, count);
            Assert.Equal("Olympic Plaza", Assert.Single(await search.FindAsync("olympik plaza", 3, CancellationToken.None)).Name);
            Assert.Empty(await search.FindAsync("Kensington", 3, CancellationToken.None));
        }
        finally
        {
            await using var places = File.OpenRead(TestDatabase.PlacesFile);
            await new GazetteerImporter(db).ImportAsync(GazetteerFile.Read(places, "places.json"), CancellationToken.None);
        }
    }
}
