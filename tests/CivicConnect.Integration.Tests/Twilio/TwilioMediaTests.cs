using System.Text.RegularExpressions;
using CivicConnect.Integration.Tests.DirectLine;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CivicConnect.Integration.Tests.Twilio;

/// <summary>MMS photos: fetched from Twilio's media URLs with the account's Basic auth (WireMock), stored, and used in the report.</summary>
public sealed partial class TwilioMediaTests(TwilioAppFactory app) : IClassFixture<TwilioAppFactory>
{
    private readonly TwilioWebhook twilio = new(app);

    [Fact]
    public async Task PotholeReport_TextThenMmsPhotoThenAddress_EndsWithTheReferenceNumberAndKeepsThePhoto()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        var mediaUrl = app.ServeMedia(PlainJpeg(), "image/jpeg");

        await twilio.SendOk(TwilioWebhook.Sms(written, "There is a big pothole"));
        await twilio.SendOk(TwilioWebhook.Mms(written, body: string.Empty, (mediaUrl, "image/jpeg")));
        foreach (var text in new[] { "17 Ave SW & 4 St SW", "yes", "1", "1", "1" })
        {
            await twilio.SendOk(TwilioWebhook.Sms(written, text));
        }

        await app.DrainOutboxAsync();

        var bodies = app.SentTo(e164).Select(m => m["Body"]).ToList();
        Assert.Contains(bodies, b => b.Contains("Thanks for the photo.", StringComparison.Ordinal));
        var confirmation = bodies.SingleOrDefault(b => b.Contains("Your report is #", StringComparison.Ordinal));
        Assert.True(confirmation is not null, string.Join("\n---\n", bodies));
        var reference = int.Parse(ReferencePattern().Match(confirmation).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // Twilio's media URLs need the account SID and token as HTTP Basic credentials.
        var fetch = Assert.Single(app.Api.LogEntries, e => e.RequestMessage.Path == new Uri(mediaUrl).AbsolutePath);
        var expected = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{TwilioAppFactory.AccountSid}:{TwilioAppFactory.AuthToken}"));
        Assert.Equal(expected, fetch.RequestMessage.Headers!["Authorization"].Single());

        await using var db = app.CreateDbContext();
        var issue = await db.Issues.AsNoTracking().Include(i => i.Media).SingleAsync(i => i.ReferenceNumber == reference);
        var photo = Assert.Single(issue.Media);
        Assert.True(File.Exists(Path.Combine(app.MediaRoot, photo.StoredPath)));
        Assert.NotNull(photo.ThumbnailPath);
        Assert.True(File.Exists(Path.Combine(app.MediaRoot, photo.ThumbnailPath)));
    }

    [Fact]
    public async Task MmsPhotoWithGps_IsOfferedAsTheLocation_AndStoredWithoutItsExif()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        var mediaUrl = app.ServeMedia(TestImages.JpegWithGps(), "image/jpeg");

        await twilio.SendOk(TwilioWebhook.Mms(written, "pothole", (mediaUrl, "image/jpeg")));
        await app.DrainOutboxAsync();

        Assert.Contains(app.SentTo(e164), m => m["Body"].Contains("at the location you shared", StringComparison.Ordinal));
        await using var db = app.CreateDbContext();
        var payload = await db.InboxMessages.AsNoTracking().Where(m => m.Address == e164).Select(m => m.Payload).SingleAsync();
        var activity = System.Text.Json.JsonSerializer.Deserialize<CivicConnect.Core.Messages.Activity>(payload, CivicConnect.Messaging.MessageJson.Options)!;
        var attachment = Assert.Single(activity.Attachments);
        Assert.Null(attachment.Url);
        Assert.NotNull(attachment.EmbeddedLocation);
        Assert.Null(CivicConnect.Channels.Media.ExifLocationReader.Read(await File.ReadAllBytesAsync(Path.Combine(app.MediaRoot, attachment.StoredPath!))));
    }

    [Theory]
    [InlineData("jpeg", "sms")]
    [InlineData("png", "sms")]
    [InlineData("webp", "sms")]
    [InlineData("heic", "sms")]
    [InlineData("jpeg", "whatsapp")]
    [InlineData("png", "whatsapp")]
    [InlineData("webp", "whatsapp")]
    [InlineData("heic", "whatsapp")]
    public async Task PhotoInEveryAcceptedFormat_OverMmsAndWhatsApp_IsStoredAndReachesTheInbox(string format, string channel)
    {
        var (_, e164) = TwilioAppFactory.NewCitizen();
        var (data, contentType) = TestImages.Photo(format);
        var from = channel == "whatsapp" ? "whatsapp:" + e164 : e164;
        var fields = TwilioWebhook.Mms(from, "pothole", (app.ServeMedia(data, contentType), contentType));
        if (channel == "whatsapp")
        {
            fields["To"] = "whatsapp:" + TwilioAppFactory.CityWhatsApp;
        }

        await twilio.SendOk(fields);

        await using var db = app.CreateDbContext();
        var payload = await db.InboxMessages.AsNoTracking().Where(m => m.ProviderMessageId == fields["MessageSid"]).Select(m => m.Payload).SingleAsync();
        var activity = System.Text.Json.JsonSerializer.Deserialize<CivicConnect.Core.Messages.Activity>(payload, CivicConnect.Messaging.MessageJson.Options)!;
        var photo = Assert.Single(activity.Attachments);
        Assert.Equal(contentType, photo.ContentType);
        Assert.True(File.Exists(Path.Combine(app.MediaRoot, photo.StoredPath!)));
    }

    [Theory]
    [InlineData("too-large")]
    [InlineData("too-many-pixels")]
    [InlineData("declared-video")]
    [InlineData("text-as-image")]
    [InlineData("gone")]
    public async Task MmsThatCannotBeKept_GetsAPoliteReply_NoErrorAndNothingStored(string kind)
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        var filesBefore = app.MediaFileCount();
        var good = app.ServeMedia(PlainJpeg(), "image/jpeg");
        var (url, declared) = kind switch
        {
            // 30 MB: refused from its Content-Length, before the body is read.
            "too-large" => (app.ServeMedia(new byte[30 * 1024 * 1024], "image/jpeg"), "image/jpeg"),
            // 7000×7000: a few hundred KB, refused from its header before it is decoded.
            "too-many-pixels" => (app.ServeMedia(TestImages.HugePng(), "image/png"), "image/png"),
            "declared-video" => (app.ServeMedia([0, 0, 0, 24, 102, 116, 121, 112], "video/mp4"), "video/mp4"),
            "text-as-image" => (app.ServeMedia("<script>alert(1)</script>"u8.ToArray(), "image/jpeg"), "image/jpeg"),
            _ => (TwilioAppFactory.TwilioMediaUrl(), "image/jpeg"),
        };

        // The good photo comes first, so a refusal must also remove what was already stored.
        var response = await twilio.PostAsync(TwilioWebhook.Mms(written, "pothole", (good, "image/jpeg"), (url, declared)));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await app.DrainOutboxAsync();

        var expected = kind switch
        {
            "too-large" => "too much to receive",
            "too-many-pixels" => "too big for us to open",
            "gone" => "couldn't get the photo",
            _ => "I can only take photos",
        };
        Assert.Contains(app.SentTo(e164), m => m["Body"].Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(app.SentTo(e164), m => m["Body"].Contains("Thanks for the photo", StringComparison.Ordinal));
        Assert.Equal(filesBefore, app.MediaFileCount());
    }

    [Fact]
    public async Task MoreThanTenMediaFiles_AreRefusedPolitely()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        var photo = PlainJpeg();
        var media = Enumerable.Range(0, 11).Select(_ => (app.ServeMedia(photo, "image/jpeg"), "image/jpeg")).ToArray();
        var fields = TwilioWebhook.Mms(written, "pothole", media);

        await twilio.SendOk(fields);
        await app.DrainOutboxAsync();

        Assert.Contains(app.SentTo(e164), m => m["Body"].Contains("at most 10 photos", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MediaUrlOffTwilio_IsNeverFetched_AndTheCitizenIsTold()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        var elsewhere = "https://attacker.example.net/steal";

        await twilio.SendOk(TwilioWebhook.Mms(written, "pothole", (elsewhere, "image/jpeg")));
        await app.DrainOutboxAsync();

        Assert.Contains(app.SentTo(e164), m => m["Body"].Contains("couldn't get the photo", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Api.LogEntries, e => e.RequestMessage.Path.Contains("steal", StringComparison.Ordinal));
    }

    private static byte[] PlainJpeg()
    {
        using var image = new Image<Rgb24>(320, 240, new Rgb24(60, 60, 60));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex ReferencePattern();
}
