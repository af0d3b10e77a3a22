using CivicConnect.Geo.Locating;
using CivicConnect.Geo.Municipalities;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>Outside city limits: the neighbouring municipality from seed/municipalities.json is named, and no issue is created.</summary>
public sealed class OutsideCityTests(OutsideCityTests.Factory app) : IClassFixture<OutsideCityTests.Factory>
{
    [Theory]
    [InlineData(51.2917, -114.0144, "Airdrie")]
    [InlineData(51.0480, -113.8230, "Chestermere")]
    [InlineData(51.1894, -114.4670, "Cochrane")]
    [InlineData(50.7250, -113.9750, "Okotoks")] // inside Foothills County's box too: the smaller wins
    [InlineData(50.9500, -114.3500, "Tsuut'ina Nation")]
    [InlineData(51.2000, -114.3900, "Rocky View County")]
    [InlineData(50.6000, -114.2000, "Foothills County")]
    public async Task A_point_outside_the_wards_names_its_municipality(double lat, double lon, string municipality)
    {
        var match = await Locator.DescribePointAsync(lat, lon, CancellationToken.None);

        Assert.Null(match.Ward);
        Assert.Equal(municipality, match.Municipality);
    }

    [Fact]
    public async Task A_point_inside_a_ward_is_the_citys_even_inside_a_neighbours_rough_box()
    {
        // Rocky View County's box surrounds the city; the wards decide first.
        var match = await Locator.DescribePointAsync(51.0453, -114.0581, CancellationToken.None);

        Assert.Equal("7", match.Ward?.Code);
        Assert.Null(match.Municipality);
    }

    [Fact]
    public async Task A_pin_in_Airdrie_is_referred_there_and_nothing_is_created()
    {
        var t = new Transcript(app);

        await t.Send("pothole");
        (await t.SendLocation(51.2917, -114.0144))
            .AssertReply("That location is in Airdrie, outside the City of Calgary's limits")
            .AssertReply("please report it to Airdrie")
            .AssertReply("Where is it?");
        (await t.Send("Cochrane")).AssertReply("That location is in Cochrane");

        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Issues.CountAsync());
    }

    [Fact]
    public async Task In_French_the_municipality_is_named_too()
    {
        var t = new Transcript(app, locale: "fr");

        await t.Send("nid-de-poule");
        (await t.SendLocation(51.0480, -113.8230)).AssertReply("Cet endroit relève de Chestermere");
    }

    [Fact]
    public async Task A_point_no_neighbour_covers_says_only_outside_the_city()
    {
        var t = new Transcript(app);

        await t.Send("pothole");
        (await t.SendLocation(45.0, -30.0)).AssertReply("outside the City of Calgary's limits").AssertReply("please contact the municipality where it is").AssertNoReply("location is in");
    }

    [Fact]
    public async Task A_bad_municipalities_file_lists_every_problem_and_changes_nothing()
    {
        const string Bad = """
            { "municipalities": [
                { "name": "", "bbox": [-114, 51, -113, 52] },
                { "name": "Upside", "bbox": [-113, 52, -114, 51] },
                { "name": "Both", "bbox": [-114, 51, -113, 52], "polygon": [[-114, 51], [-113, 51], [-113, 52]] },
                { "name": "Far", "polygon": [[-114, 91], [-113, 51], [-113, 52]] }
            ] }
            """;

        var error = Assert.Throws<InvalidDataException>(() => MunicipalityFile.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Bad)), "bad.json"));

        Assert.Contains("municipalities[0] (): name is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("municipalities[1] (Upside): bbox must be", error.Message, StringComparison.Ordinal);
        Assert.Contains("municipalities[2] (Both): give either bbox or polygon", error.Message, StringComparison.Ordinal);
        Assert.Contains("municipalities[3] (Far): polygon must be", error.Message, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(8, await db.NeighbouringMunicipalities.CountAsync());
    }

    [Fact]
    public async Task A_city_file_with_a_polygon_replaces_the_municipalities()
    {
        const string File = """{ "municipalities": [ { "name": "Triangle Town", "polygon": [[-114.6, 51.3], [-114.5, 51.3], [-114.55, 51.4]] } ] }""";
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        try
        {
            await using var db = database.CreateDbContext();
            var imported = await new MunicipalityImporter(db).ImportAsync(MunicipalityFile.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(File)), "city.json"), CancellationToken.None);

            Assert.Equal(1, imported);
            var lookup = new MunicipalityLookup(db);
            Assert.Equal("Triangle Town", await lookup.FindAsync(51.33, -114.55, CancellationToken.None));
            Assert.Null(await lookup.FindAsync(51.2917, -114.0144, CancellationToken.None));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private ILocator Locator => app.Services.GetRequiredService<ILocator>();

    public sealed class Factory : CivicAppFactory;
}
