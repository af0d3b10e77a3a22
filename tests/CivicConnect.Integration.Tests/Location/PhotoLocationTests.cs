using CivicConnect.Channels.Media;
using CivicConnect.Core.Messages;
using CivicConnect.Integration.Tests.DirectLine;
using CivicConnect.Integration.Tests.Infrastructure;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>The GPS in a photo's EXIF: read with its fix time from a JPEG the test writes; a stale fix is set aside and the citizen told.</summary>
public sealed class PhotoLocationTests(PhotoLocationTests.Factory app) : IClassFixture<PhotoLocationTests.Factory>
{
    [Fact]
    public void The_fix_time_is_read_with_the_position()
    {
        var taken = new DateTime(2026, 11, 25, 16, 45, 12, DateTimeKind.Utc);

        var location = ExifLocationReader.Read(TestImages.JpegWithGps(taken));

        Assert.NotNull(location);
        Assert.Equal(51.0379, location.Latitude, 3);
        Assert.Equal(-114.0720, location.Longitude, 3);
        Assert.Equal(LocationSource.PhotoExif, location.Source);
        Assert.Equal(new DateTimeOffset(taken), location.CapturedAt);
    }

    [Fact]
    public async Task A_photo_whose_fix_is_a_month_old_is_not_offered_and_the_citizen_is_asked()
    {
        var t = new Transcript(app);
        var location = ExifLocationReader.Read(TestImages.JpegWithGps(app.Clock.GetUtcNow().AddDays(-30).UtcDateTime));

        await t.Send("pothole");
        (await t.SendPhoto("2026/11/old.jpg", location))
            .AssertReply("Thanks for the photo")
            .AssertReply("The photo's location is from Oct 26")
            .AssertReply("Where is it?")
            .AssertNoReply("(Ward 8)");
    }

    [Fact]
    public async Task A_photo_taken_an_hour_ago_is_offered()
    {
        var t = new Transcript(app);
        var location = ExifLocationReader.Read(TestImages.JpegWithGps(app.Clock.GetUtcNow().AddHours(-1).UtcDateTime));

        await t.Send("pothole");
        (await t.SendPhoto("2026/11/new.jpg", location)).AssertReply("17 Ave SW & 4 St SW (Ward 8)").AssertNoReply("location is from");
    }

    [Fact]
    public async Task A_photo_dated_next_year_by_a_wrong_camera_clock_is_not_offered()
    {
        var t = new Transcript(app);

        await t.Send("pothole");
        (await t.SendPhoto("2026/11/future.jpg", new GeoLocation(51.0379, -114.0720, Source: LocationSource.PhotoExif, CapturedAt: app.Clock.GetUtcNow().AddYears(1))))
            .AssertReply("The photo's location is from").AssertReply("Where is it?");
    }

    [Fact]
    public async Task A_photo_without_gps_asks_for_a_location()
    {
        var t = new Transcript(app);

        await t.Send("pothole");
        (await t.SendPhoto("2026/11/plain.jpg")).AssertReply("Thanks for the photo").AssertReply("Where is it?").AssertNoReply("location is from");
    }

    public sealed class Factory : CivicAppFactory;
}
