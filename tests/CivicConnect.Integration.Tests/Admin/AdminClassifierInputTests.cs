using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicConnect.Core.Security;
using CivicConnect.Integration.Tests.DirectLine;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Photos;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Admin;

/// <summary>Bad requests are 400 problem details naming the field, and leave no version, row or file behind.</summary>
public sealed class AdminClassifierInputTests(DirectLineAppFactory app) : IClassFixture<DirectLineAppFactory>
{
    private readonly HttpClient admin = new AdminApi(app.CreateClientAs(CivicRoles.Supervisor)).Http;

    [Theory]
    [InlineData("", "pothole", "examples[1].text")]
    [InlineData("   ", "pothole", "examples[1].text")]
    [InlineData("LONG", "pothole", "examples[1].text")]
    [InlineData("a pothole", "no-such-category", "examples[1].category")]
    [InlineData("a pothole", "", "examples[1].category")]
    public async Task AddExamples_InvalidExample_Is400NamingTheField_AndStoresNothing(string text, string category, string field)
    {
        var versions = await VersionCountAsync();
        var example = new { text = text == "LONG" ? new string('x', 10_000) : text, category };

        using var response = await admin.PostAsJsonAsync("/admin/classifier/examples", new { examples = new object[] { new { text = "a fine example", category = "pothole" }, example } });

        var problem = await ProblemAsync(response, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(versions, await VersionCountAsync());
    }

    [Fact]
    public async Task AddExamples_EmptyListMalformedJsonOrWrongContentType_AreRefused()
    {
        var versions = await VersionCountAsync();

        using var empty = await admin.PostAsJsonAsync("/admin/classifier/examples", new { examples = Array.Empty<object>() });
        using var malformed = await admin.PostAsync("/admin/classifier/examples", new StringContent("{\"examples\": [", Encoding.UTF8, "application/json"));
        using var plain = await admin.PostAsync("/admin/classifier/examples", new StringContent("pothole on my street", Encoding.UTF8, "text/plain"));

        await ProblemAsync(empty, 400);
        await ProblemAsync(malformed, 400);
        await ProblemAsync(plain, 415);
        Assert.Equal(versions, await VersionCountAsync());
    }

    [Theory]
    [InlineData("text/csv", "words,label\nhello,pothole\n")]
    [InlineData("text/csv", "text,category\nbig hole,no-such-category\n")]
    [InlineData("text/csv", "text,category\n")]
    [InlineData("text/csv", "text,category,expected_priority\nbig hole,pothole,extreme\n")]
    [InlineData("text/plain", "text,category\nbig hole,pothole\n")]
    [InlineData("application/xml", "<set/>")]
    public async Task Evaluate_InvalidSetOrContentType_Is400(string contentType, string body)
    {
        using var response = await admin.PostAsync("/admin/classifier/evaluate", new StringContent(body, Encoding.UTF8, contentType));

        await ProblemAsync(response, 400);
    }

    [Fact]
    public async Task Evaluate_UnknownVersion_Is404_AndNonsenseVersionIs400()
    {
        using var unknown = await admin.PostAsync("/admin/classifier/evaluate?version=999", null);
        using var nonsense = await admin.PostAsync("/admin/classifier/evaluate?version=latest-and-greatest", null);

        await ProblemAsync(unknown, 404);
        await ProblemAsync(nonsense, 400);
    }

    [Fact]
    public async Task UploadPhoto_NotAPhotoCorruptOrUnknownCategory_Is400_AndLeavesNoRowVersionOrFile()
    {
        var versions = await VersionCountAsync();

        await ProblemAsync(await UploadAsync(Encoding.UTF8.GetBytes("just some text, not a photo"), "pothole"), 400);
        await ProblemAsync(await UploadAsync(SyntheticPhotos.Pothole(1)[..300], "pothole"), 400);
        await ProblemAsync(await UploadAsync(SyntheticPhotos.Pothole(1), "no-such-category"), 400);
        await ProblemAsync(await UploadAsync(TestImages.HeicWithGps(), "pothole"), 400);
        using var json = await admin.PostAsJsonAsync("/admin/classifier/photos", new { category = "pothole" });
        await ProblemAsync(json, 400);

        Assert.Equal(versions, await VersionCountAsync());
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.GalleryPhotos.CountAsync());
        Assert.Empty(Directory.Exists(app.MediaRoot) ? Directory.EnumerateFiles(app.MediaRoot, "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task Classify_EmptyOrHugeText_Is400_OnlyEmojiOrJunkGivesAnAnswer()
    {
        using var empty = await admin.PostAsJsonAsync("/admin/classifier/classify", new { text = "" });
        using var huge = await admin.PostAsJsonAsync("/admin/classifier/classify", new { text = new string('a', 10_000) });
        using var emoji = await admin.PostAsJsonAsync("/admin/classifier/classify", new { text = "😡😡🕳️🚗" });
        using var junk = await admin.PostAsJsonAsync("/admin/classifier/classify", new { text = "\u00ff\u00fe\u0001garbage\u00a0\u2028" });

        await ProblemAsync(empty, 400);
        await ProblemAsync(huge, 400);
        await AdminApi.ReadAsync(emoji, 200);
        await ProblemAsync(junk, 400);
    }

    private async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string category)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "upload.jpg" }, { new StringContent(category), "category" } };
        return await admin.PostAsync("/admin/classifier/photos", form);
    }

    private async Task<int> VersionCountAsync()
    {
        // Reading the versions first makes sure version 1 (imported from prompts/) exists before counting.
        using var list = await admin.GetAsync("/admin/classifier/versions");
        await using var db = app.CreateDbContext();
        return await db.ClassifierVersions.CountAsync();
    }

    [Fact]
    public async Task EvaluateThroughTheLlm_WithNoLlmConfigured_Is409_AndAnUnknownModeIs400()
    {
        var noLlm = await ProblemAsync(await admin.PostAsync("/admin/classifier/evaluate?mode=llm", null), 409);
        var noLlmDraft = await ProblemAsync(await admin.PostAsync("/admin/classifier/draft/evaluate?mode=llm", null), 409);
        var unknown = await ProblemAsync(await admin.PostAsync("/admin/classifier/evaluate?mode=gpt4", null), 400);

        Assert.Equal("No LLM configured", noLlm.GetProperty("title").GetString());
        Assert.Equal("No LLM configured", noLlmDraft.GetProperty("title").GetString());
        Assert.True(unknown.GetProperty("errors").TryGetProperty("mode", out _), unknown.ToString());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        using (response)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return await AdminApi.ReadAsync(response, status);
        }
    }
}
