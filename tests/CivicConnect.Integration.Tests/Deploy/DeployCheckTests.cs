using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Integration.Tests.DirectLine;
using CivicConnect.Integration.Tests.Infrastructure;
using Npgsql;

namespace CivicConnect.Integration.Tests.Deploy;

/// <summary>
/// `civic deploy-check`: the published server, away from the repository, configured only by the
/// environment compose.yaml gives its nodes, on a fresh database and a real S3 server: the image's
/// set-up, then two nodes sharing both; a web-chat report with a photo on one node, the photo served by the other.
/// </summary>
public sealed class DeployCheckTests
{
    /// <summary>
    /// The compose variables that name the other services (db, minio) or the store's key pair, which
    /// here are a local database and s3rver (it accepts one fixed pair); every other one is used as written.
    /// </summary>
    private static readonly string[] ReplacedHere = ["ConnectionStrings__Civic", "Media__S3__ServiceUrl", "Media__S3__AccessKey", "Media__S3__SecretKey"];

    [Fact]
    public async Task DeployCheck_PublishedNodesConfiguredAsCompose_TakeAReportAndShareItsPhoto()
    {
        var compose = DeployFiles.ComposeEnvironment("node1");
        Assert.All(ReplacedHere, key => Assert.True(compose.ContainsKey(key), $"compose.yaml's nodes do not set {key}."));
        Assert.Equal("S3", compose["Media__Storage"]);
        Assert.Equal("Production", compose["ASPNETCORE_ENVIRONMENT"]);

        var database = "deploy_" + Guid.NewGuid().ToString("N")[..12];
        await AdminAsync($"CREATE DATABASE \"{database}\"");
        await using var s3 = await S3Server.StartAsync(compose["Media__S3__Bucket"]);
        await using var deployment = await PublishedDeployment.PublishAsync();
        try
        {
            var environment = new Dictionary<string, string>(compose)
            {
                ["ConnectionStrings__Civic"] = new NpgsqlConnectionStringBuilder(TestDatabase.AdminConnectionString) { Database = database }.ConnectionString,
                ["Media__S3__ServiceUrl"] = s3.ServiceUrl,
                ["Media__S3__AccessKey"] = S3Server.AccessKey,
                ["Media__S3__SecretKey"] = S3Server.SecretKey,
            };

            var setup = await deployment.RunEntrypointAsync(environment, "setup");
            Assert.Contains("wards", setup, StringComparison.Ordinal);

            var first = await deployment.StartNodeAsync(environment, "node1");
            var second = await deployment.StartNodeAsync(environment, "node2");
            using var one = new HttpClient { BaseAddress = first, Timeout = TimeSpan.FromMinutes(3) };
            using var other = new HttpClient { BaseAddress = second, Timeout = TimeSpan.FromMinutes(3) };
            foreach (var probe in DeployFilesTests.ProbePaths())
            {
                // Every path the Kubernetes probes request answers on a node started as deployed.
                Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(probe)).StatusCode);
            }

            var photoPath = await ReportWithAPhotoAsync(new DirectLineClient(one), compose["DirectLine__Secret"]);

            using var served = await other.GetAsync(photoPath);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
            Assert.Equal(2, s3.ObjectCount()); // the photo and its thumbnail, in the shared store
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    /// <summary>A citizen in web chat sends a pothole photo (with its GPS) and finishes the report; returns the photo's /media path.</summary>
    private static async Task<string> ReportWithAPhotoAsync(DirectLineClient client, string secret)
    {
        using var generate = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/tokens/generate", secret);
        var token = (await (await client.Http.SendAsync(generate)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var start = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/conversations", token);
        var conversationId = (await (await client.Http.SendAsync(start)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;

        using var upload = DirectLineClient.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=citizen-1", token);
        var content = new MultipartFormDataContent();
        var activity = new StringContent("""{"type":"message","from":{"id":"citizen-1"},"text":"pothole"}""");
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        content.Add(activity, "activity", "blob");
        var photo = new ByteArrayContent(TestImages.JpegWithGps());
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(photo, "file", "pothole.jpg");
        upload.Content = content;
        var uploadId = (await (await client.Http.SendAsync(upload)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // The first turn of a new node waits for its classifier to be built.
        var firstReply = Text(await client.WaitForReplyAsync(conversationId, token, uploadId, TimeSpan.FromMinutes(3)));
        Assert.Contains("Ward 8", firstReply, StringComparison.Ordinal);

        var reply = firstReply;
        foreach (var answer in new[] { "yes", "1", "Bigger than a tire", "no", "send" })
        {
            if (reply.Contains("Your report is #", StringComparison.Ordinal))
            {
                break;
            }

            var id = await client.SendTextAsync(conversationId, token, answer);
            reply = Text(await client.WaitForReplyAsync(conversationId, token, id, TimeSpan.FromMinutes(1)));
        }

        Assert.Contains("Your report is #", reply, StringComparison.Ordinal);

        var activities = (await client.GetActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray();
        var contentUrl = activities
            .Where(a => a.GetProperty("id").GetString() == uploadId)
            .SelectMany(a => a.GetProperty("attachments").EnumerateArray())
            .Select(a => a.GetProperty("contentUrl").GetString()!)
            .First();
        return new Uri(contentUrl).PathAndQuery;
    }

    private static string Text(JsonElement[] activities) =>
        string.Join("\n", activities.Select(a => a.TryGetProperty("text", out var text) ? text.GetString() : string.Empty));

    private static async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(TestDatabase.AdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
