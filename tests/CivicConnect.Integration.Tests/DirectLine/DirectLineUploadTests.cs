using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Core.Messages;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.DirectLine;

public sealed class DirectLineUploadTests(DirectLineAppFactory app) : IClassFixture<DirectLineAppFactory>
{
    private readonly DirectLineClient client = new(app.CreateClient());

    [Fact]
    public async Task Upload_JpegWithExifGps_UsesThePhotosLocationAndStoresACopyWithoutExif()
    {
        var (conversationId, token) = await client.StartAsync();
        var original = TestImages.JpegWithGps();
        Assert.NotEmpty(ImageMetadataReader.ReadMetadata(new MemoryStream(original)).OfType<GpsDirectory>());

        using var response = await UploadAsync(conversationId, token, ("pothole.jpg", "image/jpeg", original), """{"type":"message","from":{"id":"citizen-1"},"text":"pothole"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var reply = await client.WaitForReplyAsync(conversationId, token, id);
        Assert.Contains(reply, a => a.GetProperty("text").GetString()!.Contains("17 Ave SW & 4 St SW (Ward 8)", StringComparison.Ordinal));

        var echo = (await client.GetActivitiesAsync(conversationId, token)).GetProperty("activities")[0];
        var photoUrl = new Uri(echo.GetProperty("attachments")[0].GetProperty("contentUrl").GetString()!);
        var stored = await client.Http.GetAsync(photoUrl.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal("image/jpeg", stored.Content.Headers.ContentType?.MediaType);
        var storedMetadata = ImageMetadataReader.ReadMetadata(new MemoryStream(await stored.Content.ReadAsByteArrayAsync()));
        Assert.Empty(storedMetadata.OfType<GpsDirectory>());
        Assert.Empty(storedMetadata.OfType<ExifIfd0Directory>());
        var thumbnailUrl = new Uri(echo.GetProperty("attachments")[0].GetProperty("thumbnailUrl").GetString()!);
        var thumbnail = await client.Http.GetAsync(thumbnailUrl.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
    }

    [Fact]
    public async Task Upload_Photo_ReachesTheInboxWithItsStoredPathAndExifLocation()
    {
        var (conversationId, token) = await client.StartAsync();

        using var response = await UploadAsync(conversationId, token, ("p.jpg", "image/jpeg", TestImages.JpegWithGps()), activityJson: null);

        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await using var db = app.CreateDbContext();
        var row = await db.InboxMessages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == id);
        var activity = JsonSerializer.Deserialize<CivicConnect.Core.Messages.Activity>(row.Payload, CivicConnect.Messaging.MessageJson.Options)!;
        var photo = Assert.Single(activity.Attachments);
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/[0-9a-f]{32}\.jpg$", photo.StoredPath);
        Assert.NotNull(photo.ThumbnailPath);
        Assert.NotNull(photo.EmbeddedLocation);
        Assert.Equal(51.0379, photo.EmbeddedLocation.Latitude, 4);
        Assert.Equal(-114.0720, photo.EmbeddedLocation.Longitude, 4);
        Assert.Equal(LocationSource.PhotoExif, photo.EmbeddedLocation.Source);
        Assert.True(File.Exists(Path.Combine(app.MediaRoot, photo.StoredPath!)));
    }

    [Fact]
    public async Task Upload_HeicWithExifGps_ReadsTheLocationAndBlanksTheMetadataOfTheStoredCopy()
    {
        var (conversationId, token) = await client.StartAsync();
        var original = TestImages.HeicWithGps();
        Assert.NotEmpty(ImageMetadataReader.ReadMetadata(new MemoryStream(original)).OfType<GpsDirectory>());

        using var response = await UploadAsync(conversationId, token, ("IMG_0001.HEIC", "application/octet-stream", original), activityJson: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await using var db = app.CreateDbContext();
        var row = await db.InboxMessages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == id);
        var photo = Assert.Single(JsonSerializer.Deserialize<CivicConnect.Core.Messages.Activity>(row.Payload, CivicConnect.Messaging.MessageJson.Options)!.Attachments);
        Assert.Equal("image/heic", photo.ContentType);
        Assert.Equal(51.0379, photo.EmbeddedLocation!.Latitude, 4);
        var stored = await client.Http.GetByteArrayAsync($"/media/{photo.StoredPath}");
        Assert.Equal(original.Length, stored.Length);
        Assert.Empty(ImageMetadataReader.ReadMetadata(new MemoryStream(stored)).OfType<GpsDirectory>());
    }

    [Theory]
    [MemberData(nameof(TestImages.AcceptedFormats), MemberType = typeof(TestImages))]
    public async Task Upload_EveryAcceptedFormat_IsStoredAndReachesTheInbox(string format)
    {
        var (conversationId, token) = await client.StartAsync();
        var (data, contentType) = TestImages.Photo(format);

        using var response = await UploadAsync(conversationId, token, ("photo." + format, contentType, data), activityJson: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await using var db = app.CreateDbContext();
        var row = await db.InboxMessages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == id);
        var photo = Assert.Single(JsonSerializer.Deserialize<CivicConnect.Core.Messages.Activity>(row.Payload, CivicConnect.Messaging.MessageJson.Options)!.Attachments);
        Assert.Equal(contentType, photo.ContentType);
        Assert.True(File.Exists(Path.Combine(app.MediaRoot, photo.StoredPath!)));
    }

    [Fact]
    public async Task Upload_NonImageNamedLikeAPhoto_Is415AndNothingIsStored()
    {
        var (conversationId, token) = await client.StartAsync();
        var text = "this is not a photo, whatever its name says"u8.ToArray();
        var filesBefore = MediaFileCount();

        using var response = await UploadAsync(conversationId, token, ("photo.jpg", "image/jpeg", text), activityJson: null);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync(conversationId, token, filesBefore);
    }

    [Fact]
    public async Task Upload_PhotoOverTheSizeLimit_Is413AndNothingIsStored()
    {
        var (conversationId, token) = await client.StartAsync();
        var huge = new byte[(5 * 1024 * 1024) + 1];
        huge[0] = 0xFF;
        huge[1] = 0xD8;
        huge[2] = 0xFF;
        var filesBefore = MediaFileCount();

        using var response = await UploadAsync(conversationId, token, ("big.jpg", "image/jpeg", huge), activityJson: null);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync(conversationId, token, filesBefore);
    }

    [Fact]
    public async Task Upload_7000x7000PngOfAFewHundredKB_Is413ProblemAndNothingIsStored()
    {
        var (conversationId, token) = await client.StartAsync();
        var huge = TestImages.HugePng();
        Assert.True(huge.Length < 1024 * 1024, $"The test PNG should pass every byte limit ({huge.Length} bytes).");
        var filesBefore = MediaFileCount();

        using var response = await UploadAsync(conversationId, token, ("huge.png", "image/png", huge), activityJson: null);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("7000×7000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(conversationId, token, filesBefore);
    }

    [Fact]
    public async Task Upload_GoodPhotoThenOneTooManyPixels_KeepsNeither()
    {
        var (conversationId, token) = await client.StartAsync();
        var filesBefore = MediaFileCount();

        using var response = await UploadAsync(
            conversationId,
            token,
            [("good.jpg", "image/jpeg", TestImages.JpegWithGps()), ("huge.png", "image/png", TestImages.HugePng())],
            activityJson: null);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync(conversationId, token, filesBefore);
    }

    [Fact]
    public async Task Upload_SeveralPhotosWhoseMessageCannotBeKept_LeavesNoFilesBehind()
    {
        // The photos are stored, then the database refuses the message (a trigger stands for a
        // failed write: a lost connection, a full disk) and the transaction rolls back.
        var conversationId = "refused" + Guid.NewGuid().ToString("N");
        var activity = """{"type":"message","text":"pothole"}""";
        var filesBefore = MediaFileCount();
        var create = $"""
                CREATE FUNCTION refuse_{conversationId}() RETURNS trigger LANGUAGE plpgsql AS $body$
                BEGIN IF NEW.conversation_id = '{conversationId}' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $body$;
                CREATE TRIGGER refuse_{conversationId} BEFORE INSERT ON direct_line_activities FOR EACH ROW EXECUTE FUNCTION refuse_{conversationId}();
                """;
        var drop = $"DROP TRIGGER refuse_{conversationId} ON direct_line_activities; DROP FUNCTION refuse_{conversationId}();";
        await using (var setup = app.CreateDbContext())
        {
            await setup.Database.ExecuteSqlRawAsync(create);
        }

        HttpResponseMessage response;
        try
        {
            response = await UploadAsync(
                conversationId,
                DirectLineClient.Secret,
                [("one.jpg", "image/jpeg", TestImages.JpegWithGps()), ("two.png", "image/png", TestImages.Photo("png").Data)],
                activity);
        }
        finally
        {
            await using var cleanup = app.CreateDbContext();
            await cleanup.Database.ExecuteSqlRawAsync(drop);
        }

        using var _ = response;
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(filesBefore, MediaFileCount());
        await using var db = app.CreateDbContext();
        Assert.False(await db.InboxMessages.AnyAsync(m => m.Address == conversationId));
    }

    [Theory]
    [InlineData("/media/..%2F..%2Fappsettings.json")]
    [InlineData("/media/%2E%2E/%2E%2E/appsettings.json")]
    [InlineData("/media/.hidden")]
    [InlineData("/media/2026")]
    [InlineData("/media/")]
    public async Task Media_OutsideStoredPhotosOrAFolder_IsNotServed(string path)
    {
        await UploadAsync((await client.StartAsync()).ConversationId, null, ("p.jpg", "image/jpeg", TestImages.JpegWithGps()), null);

        using var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Tests in a class run one at a time, so comparing file counts shows whether this upload stored anything.</summary>
    private int MediaFileCount() =>
        System.IO.Directory.Exists(app.MediaRoot) ? System.IO.Directory.EnumerateFiles(app.MediaRoot, "*", SearchOption.AllDirectories).Count() : 0;

    private async Task AssertNothingStoredAsync(string conversationId, string token, int mediaFilesBefore)
    {
        Assert.Equal(0, (await client.GetActivitiesAsync(conversationId, token)).GetProperty("activities").GetArrayLength());
        Assert.Equal(mediaFilesBefore, MediaFileCount());
        await using var db = app.CreateDbContext();
        Assert.False(await db.InboxMessages.AnyAsync(m => m.Address == conversationId));
    }

    private Task<HttpResponseMessage> UploadAsync(string conversationId, string? token, (string Name, string ContentType, byte[] Data) file, string? activityJson) =>
        UploadAsync(conversationId, token, [file], activityJson);

    private async Task<HttpResponseMessage> UploadAsync(string conversationId, string? token, (string Name, string ContentType, byte[] Data)[] files, string? activityJson)
    {
        token ??= DirectLineClient.Secret;
        using var request = DirectLineClient.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=citizen-1", token);
        var content = new MultipartFormDataContent();
        if (activityJson is not null)
        {
            var activity = new StringContent(activityJson);
            activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
            content.Add(activity, "activity", "blob");
        }

        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Data);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, "file", file.Name);
        }

        request.Content = content;
        return await client.Http.SendAsync(request);
    }
}
