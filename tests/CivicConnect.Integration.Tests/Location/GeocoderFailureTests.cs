using System.Diagnostics;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>
/// The geocoder failing in the ways public ones do: the citizen gets the gazetteer's answer or an
/// empty list (the dialog then asks for an intersection or a pin), never an exception. Each test
/// class gets its own app, so one test's open circuit breaker does not decide another's outcome.
/// </summary>
public sealed class GeocoderDownTests(GeocoderDownTests.Factory app) : IClassFixture<GeocoderDownTests.Factory>
{
    [Fact]
    public async Task Server_error_falls_back_to_the_gazetteer_or_nothing()
    {
        app.Nominatim.FailEverything(500);

        Assert.Equal("Bridgeland", Assert.Single(await app.Locator.FindAsync("bridgeland", CancellationToken.None)).Label);
        Assert.Empty(await app.Locator.FindAsync("4321 Nowhere Rd SW", CancellationToken.None));
        Assert.True(app.Nominatim.SearchCount > 1, "a 500 is retried");
    }

    public sealed class Factory : GeocoderAppFactory;
}

public sealed class GeocoderSlowTests(GeocoderSlowTests.Factory app) : IClassFixture<GeocoderSlowTests.Factory>
{
    [Fact]
    public async Task A_geocoder_slower_than_the_timeout_gives_nothing_quickly()
    {
        // The stand-in answers after 30 s; three 300 ms attempts give up in about a second. The wide
        // margin keeps a starved test machine from failing the test while a missing timeout still would.
        app.Nominatim.FailEverything(200, delay: TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        var matches = await app.Locator.FindAsync("4321 Nowhere Rd SW", CancellationToken.None);

        Assert.Empty(matches);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    public sealed class Factory : GeocoderAppFactory
    {
        public Factory() => Settings["Geocoding:AttemptTimeoutMilliseconds"] = "300";
    }
}

public sealed class GeocoderThrottledTests(GeocoderThrottledTests.Factory app) : IClassFixture<GeocoderThrottledTests.Factory>
{
    [Fact]
    public async Task Too_many_requests_is_not_retried_and_gives_nothing()
    {
        app.Nominatim.FailEverything(429);

        Assert.Empty(await app.Locator.FindAsync("17 Ave SW", CancellationToken.None));
        Assert.Equal(1, app.Nominatim.SearchCount);
        Assert.Equal("Calgary City Hall", Assert.Single(await app.Locator.FindAsync("city hall", CancellationToken.None)).Label);
    }

    public sealed class Factory : GeocoderAppFactory
    {
        // A slow answer on a busy machine must not turn into a timed-out (and so retried) attempt.
        public Factory() => Settings["Geocoding:AttemptTimeoutMilliseconds"] = "15000";
    }
}
