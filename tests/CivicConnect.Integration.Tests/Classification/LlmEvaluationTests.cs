using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Core.Issues;
using CivicConnect.Core.Security;
using CivicConnect.Integration.Tests.Admin;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Evaluation;
using CivicConnect.Intelligence.Llm;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Classification;

/// <summary>
/// The LLM mode measured: a labelled set run through an OpenAI-compatible stand-in serving
/// recorded answers (one per message, with its usage object). What the evaluation reports must be
/// what the answers say: a wrong answer lowers accuracy, tokens add up, and an endpoint error or
/// timeout is an unanswered message (never the embedded fallback, never a crash).
/// </summary>
public sealed class LlmEvaluationTests(LlmEvaluationTests.Factory app) : IClassFixture<LlmEvaluationTests.Factory>
{
    private const string PotholeAnswer = """{"category":"pothole","confidence":0.88,"priority":"normal","location_text":null,"summary":"Pothole"}""";

    // Each text is its own WireMock marker: plain ASCII, nothing JSON would escape.
    private static readonly LabelledExample[] Set =
    [
        new("deep pothole outside 4410 Quarry Park Blvd", "en", "pothole", Priority.Normal),
        new("graffiti tags all over the bus shelter at 8812 Marda Loop", "en", "graffiti", Priority.Low),
        new("streetlight flickering all night in front of 5519 Tuscany Hills Way", "en", "streetlight", Priority.Normal),
        new("shopping cart dumped in the creek behind 7730 Bridgeland Place", "en", "cart", Priority.Normal),
        new("dog barking nonstop every night at 2281 Auburn Bay Drive", "en", "noise-bylaw", Priority.Low),
        new("water bubbling up through the boulevard at 9904 Silver Springs Gate", "en", "water-leak", Priority.High),
    ];

    [Fact]
    public async Task LabelledSet_ThroughTheLlm_ScoresTheRecordedAnswers_AddsTheirTokens_AndCountsFailuresAsUnanswered()
    {
        app.OpenAi.Reset();
        app.OpenAi.ReplyWhen(Set[0].Text, PotholeAnswer, promptTokens: 812, completionTokens: 38);
        app.OpenAi.ReplyWhen(Set[1].Text, """{"category":"graffiti","confidence":0.93,"priority":"low","location_text":"8812 Marda Loop","summary":"Tags on a bus shelter"}""", 790, 35);
        app.OpenAi.ReplyWhen(Set[2].Text, """{"category":"traffic-signal","confidence":0.71,"priority":"high","location_text":null,"summary":"Light flickering"}""", 845, 41); // wrong
        app.OpenAi.ReplyWhen(Set[3].Text, """```json\n{"category":"cart","confidence":0.9,"priority":"normal","location_text":null,"summary":"Cart in the creek"}\n```""", 801, 36);
        app.OpenAi.FailWhen(Set[4].Text, 500);
        app.OpenAi.ReplyWhen(Set[5].Text, """{"category":"water-leak","confidence":0.9,"priority":"high","location_text":null,"summary":"late"}""", 830, 40, delay: TimeSpan.FromSeconds(12));

        var definition = await app.Services.GetRequiredService<IClassifierDefinitionSource>().GetCurrentAsync(CancellationToken.None);
        var classifier = app.Services.GetRequiredService<LlmEvaluation>().For(app.Services.GetRequiredService<EmbeddingModelCache>().Get(definition));
        var report = await ClassifierEvaluator.EvaluateAsync(classifier, Set, CancellationToken.None, defaultPriority: code => definition.Find(code)?.DefaultPriority);

        Assert.Equal(6, report.Count);
        Assert.Equal(3 / 6.0, report.Accuracy, 3);
        Assert.Equal(2, report.Unanswered);
        Assert.Equal(new TokenFigures(Asked: 6, Failed: 2, PromptTokens: 812 + 790 + 845 + 801, CompletionTokens: 38 + 35 + 41 + 36), report.Tokens);
        Assert.Equal((812 + 790 + 845 + 801) / 6.0, report.Tokens!.PromptTokensPerMessage, 3);
        Assert.Equal(0, report.Categories.Single(c => c.Code == "streetlight").Recall);
        Assert.Equal(1, report.Categories.Single(c => c.Code == "graffiti").F1, 3);

        // Priority of the four answered: three right; the unanswered two have none.
        Assert.Equal(6, report.PriorityFigures!.Count);
        Assert.Equal(3 / 6.0, report.PriorityFigures.Accuracy, 3);
        Assert.Contains("tokens per message: prompt 541.3, completion 25.0", EvaluationTable.Format(report));
    }

    [Fact]
    public async Task DraftEvaluation_ThroughTheLlm_AsksWithTheDraftsOwnPrompt()
    {
        var admin = new AdminApi(app.CreateClientAs(CivicRoles.Supervisor));
        var template = (await admin.GetAsync("/admin/classifier/prompt")).GetProperty("template").GetString()!;
        using (var put = await admin.Http.PutAsJsonAsync("/admin/classifier/prompt", new { template = template + "\nDraft rule 7731: prefer the most specific category.\n" }))
        {
            await AdminApi.ReadAsync(put, 200);
        }

        app.OpenAi.Reset();
        app.OpenAi.ReplyWhen("", PotholeAnswer, promptTokens: 900, completionTokens: 40);
        using var response = await admin.Http.PostAsync("/admin/classifier/draft/evaluate?mode=llm", null);
        var comparison = await AdminApi.ReadAsync(response, 200);

        var gateSet = LabelledSetCsv.Read(Path.Combine(Core.Hosting.RepositoryPaths.RootDirectory, "tests/CivicConnect.Integration.Tests/Admin/gate-set.csv"));
        var gateRows = gateSet.Count;

        // Only this test's requests: a timed-out request of another test may still be logged late.
        var prompts = app.OpenAi.Prompts().Where(p => gateSet.Any(e => p.Contains($"<citizen_report>\n{e.Text}\n</citizen_report>", StringComparison.Ordinal))).ToList();
        Assert.Equal(2 * gateRows, prompts.Count);
        Assert.Equal(gateRows, prompts.Count(p => p.Contains("Draft rule 7731", StringComparison.Ordinal)));
        var draft = comparison.GetProperty("candidate");
        Assert.Equal(gateRows, draft.GetProperty("tokens").GetProperty("asked").GetInt32());
        Assert.Equal(900L * gateRows, draft.GetProperty("tokens").GetProperty("promptTokens").GetInt64());

        // Every answer says pothole: accuracy is the share of potholes in the set, whatever the embedded model would say.
        var potholes = gateSet.Count(e => e.CategoryCode == "pothole");
        Assert.Equal(potholes / (double)gateRows, draft.GetProperty("accuracy").GetDouble(), 3);
    }

    [Fact]
    public async Task VersionEvaluation_ModeLlm_ReportsTokens_AndAnUnknownModeIsRefused()
    {
        var admin = new AdminApi(app.CreateClientAs(CivicRoles.Supervisor));
        app.OpenAi.Reset();
        app.OpenAi.ReplyWhen(Set[0].Text, PotholeAnswer, 700, 30);
        app.OpenAi.ReplyWhen(Set[1].Text, """{"category":"graffiti","confidence":0.9,"priority":"low","location_text":null,"summary":"Tags"}""", 650, 28);
        var body = new { examples = Set.Take(2).Select(e => new { text = e.Text, category = e.CategoryCode, locale = e.Locale, expectedPriority = e.ExpectedPriority?.ToString().ToLowerInvariant() }) };

        using var response = await admin.Http.PostAsJsonAsync("/admin/classifier/evaluate?version=published&mode=llm", body);
        var report = (await AdminApi.ReadAsync(response, 200)).GetProperty("report");
        using var refused = await admin.Http.PostAsJsonAsync("/admin/classifier/evaluate?mode=gpt", body);

        Assert.Equal(1.0, report.GetProperty("accuracy").GetDouble(), 3);
        Assert.Equal(1350, report.GetProperty("tokens").GetProperty("promptTokens").GetInt64());
        Assert.Equal(58, report.GetProperty("tokens").GetProperty("completionTokens").GetInt64());
        Assert.Equal(1.0, report.GetProperty("priorityFigures").GetProperty("accuracy").GetDouble(), 3);
        Assert.Equal(400, (int)refused.StatusCode);
    }

    public sealed class Factory : CivicAppFactory
    {
        public Factory()
        {
            Settings["Classifier:Llm:Endpoint"] = OpenAi.Url;
            Settings["Classifier:Llm:Model"] = "test-model";
            Settings["Classifier:Llm:ApiKey"] = "test-key";
            Settings["Classifier:Llm:TimeoutSeconds"] = "5"; // a busy 2-core machine can take seconds for a stand-in answer; the late answer waits well past this
            Settings["Classifier:PublishGate:EvaluationSet"] = "tests/CivicConnect.Integration.Tests/Admin/gate-set.csv";
        }

        public OpenAiStandIn OpenAi { get; } = new();

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            OpenAi.Dispose();
        }
    }
}
