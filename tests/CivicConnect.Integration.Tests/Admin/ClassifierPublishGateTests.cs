using System.Net;
using System.Net.Http.Json;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Admin;

/// <summary>
/// The publish gate on the real database and the embedded MiniLM classifier: a draft that loses
/// macro-F1 on the labelled set is refused until a supervisor says why, and the reason stays in
/// the version history; a draft that does not lose publishes as before.
/// </summary>
public sealed class ClassifierPublishGateTests(ClassifierPublishGateTests.GateAppFactory app) : IClassFixture<ClassifierPublishGateTests.GateAppFactory>
{
    /// <summary>Two labelled messages per category (30), so each publish measures in a second or two.</summary>
    public const string GateSet = "tests/CivicConnect.Integration.Tests/Admin/gate-set.csv";

    // Messages of the gate set, taught to the classifier under the wrong category in several wordings.
    private static readonly string[] Misled =
    [
        "there's a pothole on Crowchild that almost wrecked my suspension",
        "street light out on the corner of Maple and 5th",
        "graffiti all over the pedestrian bridge",
    ];

    [Fact]
    public async Task Regression_IsRefusedWithoutAReason_PublishedWithOne_AndTheReasonIsInTheHistory()
    {
        var admin = new AdminApi(app.CreateClientAs(CivicRoles.Supervisor, name: "Gail Gate"));
        var set = await File.ReadAllTextAsync(Path.Combine(Core.Hosting.RepositoryPaths.RootDirectory, GateSet));
        Assert.All(Misled, text => Assert.Contains(text, set, StringComparison.Ordinal));
        var published = await PublishedIdAsync(admin);

        var draft = (await admin.AddExamplesAsync("animal", [.. Misled.SelectMany(Wordings)])).GetProperty("version").GetProperty("id").GetInt32();

        using var evaluated = await admin.Http.PostAsync("/admin/classifier/draft/evaluate", null);
        var comparison = await AdminApi.ReadAsync(evaluated, 200);
        Assert.Equal(published, comparison.GetProperty("baselineVersion").GetInt32());
        Assert.Equal(draft, comparison.GetProperty("candidateVersion").GetInt32());
        Assert.Equal(30, comparison.GetProperty("candidate").GetProperty("count").GetInt32());
        var drop = comparison.GetProperty("macroF1Drop").GetDouble();
        Assert.True(drop > 0.01, $"the draft should lose more than a point of macro-F1; it lost {drop:P1}");
        var changes = comparison.GetProperty("changes").EnumerateArray().ToList();
        Assert.Contains(changes, c => c.GetProperty("text").GetString() == Misled[0] && c.GetProperty("after").GetString() == "animal" && c.GetProperty("before").GetString() == "pothole");

        using var refused = await admin.Http.PostAsync("/admin/classifier/draft/publish", null);
        var problem = await AdminApi.ReadAsync(refused, 422);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(drop, problem.GetProperty("macroF1Drop").GetDouble(), 6);
        Assert.Equal(0.01, problem.GetProperty("maxMacroF1Drop").GetDouble());
        Assert.Equal(draft, problem.GetProperty("draftVersion").GetInt32());
        Assert.Contains("Macro-F1 falls by", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(published, await PublishedIdAsync(admin));

        using var blank = await admin.Http.PostAsJsonAsync("/admin/classifier/draft/publish", new { reason = "   " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        using var tooLong = await admin.Http.PostAsJsonAsync("/admin/classifier/draft/publish", new { reason = new string('x', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        const string Reason = "Council asked for these wordings to go to Animal Services during the pilot";
        using var accepted = await admin.Http.PostAsJsonAsync("/admin/classifier/draft/publish", new { reason = Reason });
        var version = await AdminApi.ReadAsync(accepted, 200);
        Assert.Equal(draft, version.GetProperty("id").GetInt32());
        Assert.Equal("published", version.GetProperty("state").GetString());
        Assert.Equal(Reason, version.GetProperty("publishReason").GetString());

        var history = (await admin.GetAsync("/admin/classifier/versions")).EnumerateArray().Single(v => v.GetProperty("id").GetInt32() == draft);
        Assert.Equal(Reason, history.GetProperty("publishReason").GetString());
        Assert.Equal("Gail Gate", history.GetProperty("publishedBy").GetString());
        Assert.True(history.GetProperty("gateBaselineMacroF1").GetDouble() - history.GetProperty("gateMacroF1").GetDouble() > 0.01);

        await using var db = app.CreateDbContext();
        var row = await db.ClassifierVersions.SingleAsync(v => v.Id == draft);
        Assert.Equal(ClassifierVersionState.Published, row.State);
        Assert.Equal(Reason, row.PublishReason);

        // The published version is the misled one: citizens get its answers now.
        Assert.Equal("animal", (await admin.TryAsync(Misled[0], "published")).GetProperty("category").GetString());
    }

    [Fact]
    public async Task DraftThatLosesNothing_PublishesWithoutAReason_AndRecordsWhatTheGateMeasured()
    {
        var admin = new AdminApi(app.CreateClientAs(CivicRoles.Supervisor, name: "Pat"));
        await admin.AddExamplesAsync("graffiti", "the snorkelwomp mural got tagged again by the bridge");

        var version = await admin.PublishAsync();

        Assert.Equal("published", version.GetProperty("state").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, version.GetProperty("publishReason").ValueKind);
        Assert.True(version.GetProperty("gateBaselineMacroF1").GetDouble() - version.GetProperty("gateMacroF1").GetDouble() <= 0.01);
    }

    [Fact]
    public async Task Publish_WithoutADraft_Is404()
    {
        var admin = new AdminApi(app.CreateClientAs(CivicRoles.Supervisor));
        if ((await admin.GetAsync("/admin/classifier/versions")).EnumerateArray().Any(v => v.GetProperty("state").GetString() == "draft"))
        {
            await admin.PublishAsync();
        }

        using var response = await admin.Http.PostAsync("/admin/classifier/draft/publish", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var evaluate = await admin.Http.PostAsync("/admin/classifier/draft/evaluate", null);
        Assert.Equal(HttpStatusCode.NotFound, evaluate.StatusCode);
    }

    private static IEnumerable<string> Wordings(string text) =>
        [text, text + ".", text + "!", text.ToUpperInvariant(), "please help, " + text, text + " again"];

    private static async Task<int> PublishedIdAsync(AdminApi admin) =>
        (await admin.GetAsync("/admin/classifier/versions")).EnumerateArray().Single(v => v.GetProperty("state").GetString() == "published").GetProperty("id").GetInt32();

    public sealed class GateAppFactory : CivicAppFactory
    {
        public GateAppFactory() => Settings["Classifier:PublishGate:EvaluationSet"] = GateSet;
    }
}
