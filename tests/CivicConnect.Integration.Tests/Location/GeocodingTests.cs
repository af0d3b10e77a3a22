using CivicConnect.Geo.Geocoding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>Phrasings (41 of them) through the parser and the Nominatim stand-in to a point and a ward, in a city that has not imported its registers.</summary>
public sealed class GeocodingTests : IClassFixture<GeocodingTests.Factory>
{
    private readonly Factory app;

    public GeocodingTests(Factory app) => this.app = app;

    public static TheoryData<string, string, string, double, double, string, string> Phrasings => new()
    {
        // phrasing, parameter the geocoder must receive, its value, answered point, expected label, expected ward
        { "1234 17 Ave SW", "street", "1234 17 Avenue SW", 51.0379, -114.0720, "1234 17 Ave SW", "8" },
        { "1234 seventeenth avenue south west", "street", "1234 17 Avenue SW", 51.0379, -114.0720, "1234 17 Ave SW", "8" },
        { "800 Macleod Trail SE", "street", "800 Macleod Trail SE", 51.0453, -114.0581, "800 Macleod Trail SE", "7" },
        { "6455 macleod trl sw", "street", "6455 Macleod Trail SW", 50.9982, -114.0733, "6455 Macleod Trail SW", "11" },
        { "17 av se", "street", "17 Avenue SE", 51.0400, -113.9600, "17 Ave SE", "9" },
        { "Rocky Ridge Rd NW", "street", "Rocky Ridge Road NW", 51.1240, -114.2430, "Rocky Ridge Rd NW", "1" },
        { "coin de la 52e Rue NE et de la 80e Avenue NE", "q", "52 Street NE & 80 Avenue NE, Calgary", 51.1296, -113.9500, "52 St NE & 80 Ave NE", "5" },
        { "Auburn Bay", "q", "Auburn Bay, Calgary", 50.8800, -113.9800, "Auburn Bay", "12" },

        // Addresses written the ways Calgarians write them.
        { "1234 17th Avenue S.W.", "street", "1234 17 Avenue SW", 51.0379, -114.0720, "1234 17 Ave SW", "8" },
        { "1234 17 av sw", "street", "1234 17 Avenue SW", 51.0379, -114.0720, "1234 17 Ave SW", "8" },
        { "1234 17 Ave SW, Calgary, AB T2T 0A1", "street", "1234 17 Avenue SW", 51.0379, -114.0720, "1234 17 Ave SW", "8" },
        { "1234 17 Ave SW Calgary Alberta", "street", "1234 17 Avenue SW", 51.0379, -114.0720, "1234 17 Ave SW", "8" },
        { "1234, 17e Avenue S.-O.", "street", "1234 17 Avenue SW", 51.0379, -114.0720, "1234 17 Ave SW", "8" },
        { "1234 seventeenth avenue sw", "street", "1234 17 Avenue SW", 51.0379, -114.0720, "1234 17 Ave SW", "8" },
        { "800 macleod trail south east", "street", "800 Macleod Trail SE", 51.0453, -114.0581, "800 Macleod Trail SE", "7" },
        { "123 Centre St N", "street", "123 Centre Street N", 51.0540, -114.0625, "123 Centre St N", "7" },
        { "2500 University Dr NW", "street", "2500 University Drive NW", 51.0770, -114.1330, "2500 University Dr NW", "7" },
        { "310 8 Ave south west", "street", "310 8 Avenue SW", 51.0460, -114.0680, "310 8 Ave SW", "7" },

        // Streets alone, numbered in digits, words or French.
        { "17th Ave SW", "street", "17 Avenue SW", 51.0379, -114.0900, "17 Ave SW", "8" },
        { "17 Ave SW", "street", "17 Avenue SW", 51.0379, -114.0900, "17 Ave SW", "8" },
        { "Seventeenth Avenue Southwest", "street", "17 Avenue SW", 51.0379, -114.0900, "17 Ave SW", "8" },
        { "la 17e Avenue SO", "street", "17 Avenue SW", 51.0379, -114.0900, "17 Ave SW", "8" },
        { "seventeenth avenue", "street", "17 Avenue", 51.0379, -114.0760, "17 Ave", "8" },
        { "thirtieth avenue", "street", "30 Avenue", 51.0270, -114.0900, "30 Ave", "8" },
        { "twenty-first street nw", "street", "21 Street NW", 51.0700, -114.1050, "21 St NW", "7" },
        { "ninety-ninth avenue se", "street", "99 Avenue SE", 50.9550, -114.0400, "99 Ave SE", "11" },
        { "fifty second street ne", "street", "52 Street NE", 51.0900, -113.9560, "52 St NE", "10" },
        { "first street sw", "street", "1 Street SW", 51.0400, -114.0640, "1 St SW", "11" },
        { "on 4th st sw", "street", "4 Street SW", 51.0330, -114.0720, "4 St SW", "8" },
        { "rue Centre sud", "street", "Centre Street S", 51.0300, -114.0630, "Centre St S", "11" },
        { "Macleod Trail SE", "street", "Macleod Trail SE", 51.0300, -114.0580, "Macleod Trail SE", "9" },
        { "Memorial Dr NW", "street", "Memorial Drive NW", 51.0560, -114.0900, "Memorial Dr NW", "7" },

        // Intersections the gazetteer does not know.
        { "Coin de la 1re Rue SE et de la 9e Avenue SE", "q", "1 Street SE & 9 Avenue SE, Calgary", 51.0440, -114.0610, "1 St SE & 9 Ave SE", "7" },
        { "Crowchild Trail NW & 24 Ave", "q", "Crowchild Trail NW & 24 Avenue NW, Calgary", 51.0720, -114.1290, "Crowchild Trail NW & 24 Ave NW", "7" },
        { "Deerfoot Trail & Memorial Drive", "q", "Deerfoot Trail & Memorial Drive, Calgary", 51.0510, -114.0200, "Deerfoot Trail & Memorial Dr", "9" },
        { "32 ave ne + barlow trail", "q", "32 Avenue NE & Barlow Trail, Calgary", 51.0820, -113.9900, "32 Ave NE & Barlow Trail", "10" },

        // Communities the gazetteer does not know.
        { "Mahogany", "q", "Mahogany, Calgary", 50.9000, -113.9300, "Mahogany", "12" },
        { "Evanston", "q", "Evanston, Calgary", 51.1700, -114.1000, "Evanston", "3" },
        { "Signal Hill", "q", "Signal Hill, Calgary", 51.0200, -114.1700, "Signal Hill", "6" },
        { "Shawnessy", "q", "Shawnessy, Calgary", 50.9100, -114.0700, "Shawnessy", "13" },
        { "Varsity", "q", "Varsity, Calgary", 51.0950, -114.1450, "Varsity", "1" },
    };

    [Theory]
    [MemberData(nameof(Phrasings))]
    public async Task Phrasing_through_the_geocoder_gives_the_point_and_ward(
        string text, string parameter, string value, double lat, double lon, string label, string ward)
    {
        app.Nominatim.Answer(parameter, value, (lat, lon, $"{label}, Calgary, Alberta, Canada"));

        var matches = await app.Locator.FindAsync(text, CancellationToken.None);

        var match = Assert.Single(matches);
        Assert.Equal(label, match.Label);
        Assert.Equal(lat, match.Latitude, 6);
        Assert.Equal(lon, match.Longitude, 6);
        Assert.Equal(ward, match.Ward?.Code);
    }

    [Fact]
    public async Task Several_matches_offer_the_best_three()
    {
        app.Nominatim.Answer("street", "Centre Street",
            (51.0676, -114.0626, "Centre Street N, Crescent Heights, Calgary"),
            (51.0440, -114.0630, "Centre Street S, Downtown, Calgary"),
            (51.1000, -114.0650, "Centre Street N, Highland Park, Calgary"),
            (50.9000, -114.0600, "Centre Street S, Shawnessy, Calgary"));

        var matches = await app.Locator.FindAsync("Centre St", CancellationToken.None);

        Assert.Equal(3, matches.Count);
        Assert.Equal(["Centre Street N, Crescent Heights", "Centre Street S, Downtown", "Centre Street N, Highland Park"], matches.Select(m => m.Label));
        Assert.All(matches, m => Assert.NotNull(m.Ward));
    }

    [Fact]
    public async Task Requests_carry_the_user_agent_and_the_city_bounds()
    {
        app.Nominatim.Answer("street", "99 Avenue SE", (50.9500, -114.0000, "99 Avenue SE, Calgary"));

        await app.Locator.FindAsync("ninety-ninth avenue se", CancellationToken.None);

        var request = app.Nominatim.Server.LogEntries.Last(e => e.RequestMessage.Path == "/search").RequestMessage;
        Assert.Equal(NominatimStandIn.UserAgent, request.Headers!["User-Agent"].ToString());
        Assert.Equal("-114.3160,51.2124,-113.8599,50.8428", request.Query!["viewbox"].ToString());
        Assert.Equal("Calgary", request.Query!["city"].ToString());
    }

    [Fact]
    public async Task The_same_place_asked_twice_is_one_request_until_the_cache_expires()
    {
        app.Nominatim.Answer("street", "3625 Shaganappi Trail NW", (51.0850, -114.1550, "3625 Shaganappi Trail NW, Calgary"));
        var before = app.Nominatim.SearchCount;

        await app.Locator.FindAsync("3625 Shaganappi Trail NW", CancellationToken.None);
        Assert.Single(await app.Locator.FindAsync("3625 shaganappi trl north west", CancellationToken.None));
        Assert.Equal(before + 1, app.Nominatim.SearchCount);

        app.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Single(await app.Locator.FindAsync("3625 Shaganappi Trail NW", CancellationToken.None));
        Assert.Equal(before + 2, app.Nominatim.SearchCount);
    }

    [Fact]
    public void Without_a_base_url_no_geocoder_is_registered()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddGeocoding();
        using var services = builder.Services.BuildServiceProvider();
        Assert.Null(services.GetService<IGeocoder>());
    }

    /// <summary>No registers imported: these phrasings are the geocoder's to answer.</summary>
    public sealed class Factory : GeocoderAppFactory
    {
        public Factory() => WithoutStreetGazetteer = true;
    }
}
