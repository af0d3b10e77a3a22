using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>
/// A shared pin read back to the citizen: from the street gazetteer first (the corner or address it
/// is at), and from the Nominatim stand-in's /reverse, cached like searches, only where the local
/// data has nothing near — inside Nose Hill Park, for instance.
/// </summary>
public sealed class ReverseGeocodingTests(ReverseGeocodingTests.Factory app) : IClassFixture<ReverseGeocodingTests.Factory>
{
    /// <summary>Inside Nose Hill Park: no civic address or corner within 250 m.</summary>
    internal const double ParkLatitude = 51.1165, ParkLongitude = -114.1130;

    [Fact]
    public async Task FindAsync_APlaceTheCityDataKnows_NeedsNoGeocoder()
    {
        var before = app.Nominatim.SearchCount;

        var match = Assert.Single(await app.Locator.FindAsync("Macleod Trail and Heritage Drive SE", CancellationToken.None));

        Assert.Equal("Macleod Trail SE & Heritage Dr SE", match.Label);
        Assert.Equal(before, app.Nominatim.SearchCount);
    }

    [Fact]
    public async Task DescribePointAsync_CornerNear_IsReadFromTheCityDataWithoutTheGeocoder()
    {
        var before = app.Nominatim.ReverseCount;

        var match = await app.Locator.DescribePointAsync(51.0379, -114.0720, CancellationToken.None);

        Assert.Equal("17 Ave SW & 4 St SW", match.Label);
        Assert.Equal("8", match.Ward?.Code);
        Assert.Equal(before, app.Nominatim.ReverseCount);
    }

    [Fact]
    public async Task DescribePointAsync_NothingLocalNear_ReadsAsTheGeocodersAddressAskedOnce()
    {
        app.Nominatim.AnswerReverse(ParkLatitude, ParkLongitude, "5600", "14 Street NW", "Nose Hill");
        var before = app.Nominatim.ReverseCount;

        var first = await app.Locator.DescribePointAsync(ParkLatitude, ParkLongitude, CancellationToken.None);
        var again = await app.Locator.DescribePointAsync(ParkLatitude, ParkLongitude, CancellationToken.None);

        Assert.Equal("5600 14 Street NW", first.Label);
        Assert.NotNull(first.Ward);
        Assert.Equal(first, again);
        Assert.Equal(before + 1, app.Nominatim.ReverseCount);
        await using var db = app.CreateDbContext();
        Assert.True(await db.GeocodeCache.AnyAsync(e => e.QueryKey == "reverse:51.1165,-114.1130"));
    }

    [Fact]
    public async Task SendLocation_NothingLocalNear_TheConfirmationNamesTheGeocodersAddress()
    {
        app.Nominatim.AnswerReverse(51.1120, -114.1200, null, "Nose Hill Drive NW", "Nose Hill");
        var t = new Transcript(app);

        await t.Send("graffiti on a bridge, it's offensive");
        (await t.SendLocation(51.1120, -114.1200)).AssertReply("at the location you shared, near Nose Hill Drive NW (Ward").AssertChoices("Yes", "No");
    }

    [Fact]
    public async Task DescribePointAsync_GeocoderHasNoAddress_TheNearestNamedPlaceIsUsed()
    {
        app.Nominatim.NoAddressAt(51.1180, -114.1000);

        var match = await app.Locator.DescribePointAsync(51.1180, -114.1000, CancellationToken.None);

        Assert.Equal("Nose Hill Park", match.Label);
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

/// <summary>With the geocoder down a pin with nothing local near still reads as the nearest named place; no exception reaches the citizen.</summary>
public sealed class ReverseGeocoderDownTests(ReverseGeocoderDownTests.Factory app) : IClassFixture<ReverseGeocoderDownTests.Factory>
{
    [Fact]
    public async Task A_pin_with_the_geocoder_down_reads_as_the_nearest_named_place()
    {
        app.Nominatim.FailEverything(503);
        var t = new Transcript(app);

        await t.Send("graffiti on a bridge, it's offensive");
        (await t.SendLocation(ReverseGeocodingTests.ParkLatitude, ReverseGeocodingTests.ParkLongitude)).AssertReply("at the location you shared, near Nose Hill Park (Ward").AssertChoices("Yes", "No");

        Assert.True(app.Nominatim.ReverseCount > 0, "the geocoder was asked");
        await using var db = app.CreateDbContext();
        Assert.False(await db.GeocodeCache.AnyAsync(), "an outage is not cached");
    }

    public sealed class Factory : GeocoderAppFactory;
}
