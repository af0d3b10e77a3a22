using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>A shared pin read back to the citizen as an address from the Nominatim stand-in's /reverse, cached like searches.</summary>
public sealed class ReverseGeocodingTests(ReverseGeocodingTests.Factory app) : IClassFixture<ReverseGeocodingTests.Factory>
{
    [Fact]
    public async Task A_pin_reads_as_the_geocoders_address_and_is_asked_once()
    {
        app.Nominatim.AnswerReverse(51.0379, -114.0720, "1234", "17 Avenue SW", "Beltline");
        var before = app.Nominatim.ReverseCount;

        var first = await app.Locator.DescribePointAsync(51.0379, -114.0720, CancellationToken.None);
        var again = await app.Locator.DescribePointAsync(51.0379, -114.0720, CancellationToken.None);

        Assert.Equal("1234 17 Avenue SW", first.Label);
        Assert.Equal("8", first.Ward?.Code);
        Assert.Equal(first, again);
        Assert.Equal(before + 1, app.Nominatim.ReverseCount);
        await using var db = app.CreateDbContext();
        Assert.True(await db.GeocodeCache.AnyAsync(e => e.QueryKey == "reverse:51.0379,-114.0720"));
    }

    [Fact]
    public async Task The_confirmation_message_names_the_address_of_the_pin()
    {
        app.Nominatim.AnswerReverse(51.0453, -114.0581, null, "Macleod Trail SE", "Downtown East Village");
        var t = new Transcript(app);

        await t.Send("graffiti on a bridge, it's offensive");
        (await t.SendLocation(51.0453, -114.0581)).AssertReply("at the location you shared, near Macleod Trail SE (Ward 7)").AssertChoices("Yes", "No");
    }

    [Fact]
    public async Task Where_the_geocoder_has_no_address_the_nearest_named_place_is_used()
    {
        app.Nominatim.NoAddressAt(51.0526, -114.0870);

        var match = await app.Locator.DescribePointAsync(51.0526, -114.0870, CancellationToken.None);

        Assert.Equal("Kensington", match.Label);
        Assert.NotNull(match.Ward);
    }

    [Fact]
    public async Task A_pin_outside_the_city_is_not_reverse_geocoded()
    {
        var before = app.Nominatim.ReverseCount;

        var match = await app.Locator.DescribePointAsync(51.2917, -114.0144, CancellationToken.None);

        Assert.Null(match.Ward);
        Assert.Equal("Airdrie", match.Municipality);
        Assert.Equal(before, app.Nominatim.ReverseCount);
    }

    public sealed class Factory : GeocoderAppFactory;
}

/// <summary>With the geocoder down the pin still reads as the nearest gazetteer place; no exception reaches the citizen.</summary>
public sealed class ReverseGeocoderDownTests(ReverseGeocoderDownTests.Factory app) : IClassFixture<ReverseGeocoderDownTests.Factory>
{
    [Fact]
    public async Task A_pin_with_the_geocoder_down_reads_as_the_nearest_named_place()
    {
        app.Nominatim.FailEverything(503);
        var t = new Transcript(app);

        await t.Send("graffiti on a bridge, it's offensive");
        (await t.SendLocation(51.0453, -114.0581)).AssertReply("at the location you shared, near Calgary City Hall (Ward 7)").AssertChoices("Yes", "No");

        Assert.True(app.Nominatim.ReverseCount > 0, "the geocoder was asked");
        await using var db = app.CreateDbContext();
        Assert.False(await db.GeocodeCache.AnyAsync(), "an outage is not cached");
    }

    public sealed class Factory : GeocoderAppFactory;
}
