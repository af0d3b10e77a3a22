using System.Net;
using System.Net.Http.Json;
using CivicConnect.Core.Security;
using CivicConnect.Integration.Tests.DirectLine;
using CivicConnect.Integration.Tests.Infrastructure;

namespace CivicConnect.Integration.Tests.Admin;

/// <summary>The supervisor's loop: teach a new wording, measure the draft, publish, see citizens get it, roll back.</summary>
public sealed class AdminClassifierFlowTests(DirectLineAppFactory app) : IClassFixture<DirectLineAppFactory>
{
    // Words no shipped example uses, so only the supervisor's examples can teach them.
    private const string NewWording = "the blorptangle by my house got flickerwonked again";

    [Fact]
    public async Task SupervisorFlow_AddExamples_EvaluateDraft_Publish_NewConversationUsesIt_Rollback_RestoresOldBehaviour()
    {
        var admin = new AdminApi(app.CreateClientAs(CivicRoles.Supervisor, name: "Sam Supervisor"));
        (await new Transcript(app).Send(NewWording)).AssertNoReply("Got it: Graffiti");
        var published = (await admin.GetAsync("/admin/classifier/versions")).EnumerateArray().Single(v => v.GetProperty("state").GetString() == "published");
        var before = published.GetProperty("id").GetInt32();

        var added = await admin.AddExamplesAsync("graffiti",
            "someone flickerwonked the blorptangle on our fence",
            "blorptangle flickerwonk all over the bus shelter",
            "they flickerwonked a blorptangle on the garage door overnight");
        Assert.Equal(3, added.GetProperty("added").GetInt32());
        var draft = added.GetProperty("version");
        Assert.Equal("draft", draft.GetProperty("state").GetString());
        Assert.Equal("Sam Supervisor", draft.GetProperty("createdBy").GetString());
        Assert.Equal(before, draft.GetProperty("basedOn").GetInt32());
        Assert.Contains("3 to graffiti", draft.GetProperty("change").GetString(), StringComparison.Ordinal);

        Assert.Equal("graffiti", (await admin.TryAsync(NewWording, "draft")).GetProperty("category").GetString());
        var labelled = new { examples = new[] { new { text = NewWording, category = "graffiti" }, new { text = "someone flickerwonked a blorptangle onto the school wall", category = "graffiti" } } };
        var draftScore = await EvaluateAsync(admin, "draft", labelled);
        var publishedScore = await EvaluateAsync(admin, "published", labelled);
        Assert.Equal(1.0, draftScore.GetProperty("report").GetProperty("accuracy").GetDouble());
        Assert.True(publishedScore.GetProperty("report").GetProperty("accuracy").GetDouble() < 1.0);

        // A draft changes nothing for citizens until it is published.
        (await new Transcript(app).Send(NewWording)).AssertNoReply("Got it: Graffiti");
        var publishedDraft = await admin.PublishAsync();
        Assert.Equal("published", publishedDraft.GetProperty("state").GetString());
        Assert.Equal("Sam Supervisor", publishedDraft.GetProperty("publishedBy").GetString());
        (await new Transcript(app).Send(NewWording)).AssertReply("Got it: Graffiti");

        var diff = await admin.GetAsync($"/admin/classifier/versions/{draft.GetProperty("id").GetInt32()}/diff");
        Assert.Equal(3, diff.GetProperty("examplesAdded").GetArrayLength());
        Assert.Equal(0, diff.GetProperty("examplesRemoved").GetArrayLength());

        var restored = await admin.RollbackAsync(before);
        Assert.Equal("published", restored.GetProperty("state").GetString());
        Assert.Equal(before, restored.GetProperty("basedOn").GetInt32());
        (await new Transcript(app).Send(NewWording)).AssertNoReply("Got it: Graffiti");

        var states = (await admin.GetAsync("/admin/classifier/versions")).EnumerateArray().Select(v => v.GetProperty("state").GetString()).ToList();
        Assert.Single(states, s => s == "published");
        Assert.DoesNotContain("draft", states);
    }

    [Fact]
    public async Task Evaluate_ShippedEvaluationFile_ReportsAccuracyF1ConfusionAndLatency()
    {
        var admin = new AdminApi(app.CreateClientAs(CivicRoles.Supervisor));

        using var response = await admin.Http.PostAsync("/admin/classifier/evaluate", null);
        var result = await AdminApi.ReadAsync(response, 200);

        var report = result.GetProperty("report");
        Assert.Equal("shipped evaluation file", result.GetProperty("source").GetString());
        Assert.True(report.GetProperty("count").GetInt32() >= 300);
        Assert.InRange(report.GetProperty("accuracy").GetDouble(), 0.5, 1.0);
        Assert.InRange(report.GetProperty("macroF1").GetDouble(), 0.4, 1.0);
        var labels = report.GetProperty("confusionLabels").GetArrayLength();
        Assert.Equal(labels, report.GetProperty("confusion").GetArrayLength());
        Assert.True(report.GetProperty("latencyP95Ms").GetDouble() >= report.GetProperty("latencyP50Ms").GetDouble());
        Assert.Contains(report.GetProperty("categories").EnumerateArray(), c => c.GetProperty("code").GetString() == "pothole" && c.GetProperty("recall").GetDouble() > 0);
    }

    [Fact]
    public async Task Evaluate_CsvBodyAndCsvUpload_AreScoredLikeJson()
    {
        var admin = new AdminApi(app.CreateClientAs(CivicRoles.Supervisor));
        const string csv = "text,category,expected_priority\n\"huge pothole on 17 ave sw, blew my tire\",pothole,\nstreetlight out on my street,streetlight,normal\n";

        using var body = await admin.Http.PostAsync("/admin/classifier/evaluate?version=published", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        using var form = new MultipartFormDataContent { { new StringContent(csv), "file", "set.csv" } };
        using var upload = await admin.Http.PostAsync("/admin/classifier/evaluate", form);

        var fromBody = await AdminApi.ReadAsync(body, 200);
        var fromUpload = await AdminApi.ReadAsync(upload, 200);
        Assert.Equal(2, fromBody.GetProperty("report").GetProperty("count").GetInt32());
        Assert.Equal(fromBody.GetProperty("report").GetProperty("accuracy").GetDouble(), fromUpload.GetProperty("report").GetProperty("accuracy").GetDouble());
    }

    private static async Task<System.Text.Json.JsonElement> EvaluateAsync(AdminApi admin, string version, object set)
    {
        using var response = await admin.Http.PostAsJsonAsync($"/admin/classifier/evaluate?version={version}", set);
        return await AdminApi.ReadAsync(response, 200);
    }
}
