using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Intelligence.Classification;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Classification;

/// <summary>
/// The LLM path against an OpenAI-compatible stand-in: a good answer is used; every kind of
/// failure gives the embedded answer ("pothole" for a plain pothole report) instead.
/// </summary>
public sealed class LlmClassifierTests(LlmClassifierTests.Factory app) : IClassFixture<LlmClassifierTests.Factory>
{
    private const string Report = "big pothole on 17 Ave SW at 4 St, my tire blew";

    [Fact]
    public async Task GoodJsonAnswer_IsUsed_WithinTheAnswerRules()
    {
        app.OpenAi.Reply("""{"category":"sidewalk","confidence":0.91,"priority":"urgent","location_text":"17 Ave SW at 4 St","summary":"Hole by the curb"}""");

        var result = await Classify(Report);

        // The category and place are the model's; its confidence is capped (Classifier:Llm:MaxConfidence 0.9)
        // and its "urgent" counts as high, since nothing in the words is urgent (LlmAnswerRules).
        Assert.Equal("sidewalk", result.CategoryCode);
        Assert.Equal(0.9, result.Confidence, 2);
        Assert.Equal(Priority.High, result.Priority);
        Assert.Equal("17 Ave SW at 4 St", result.LocationText);
    }

    [Fact]
    public async Task Prompt_ContainsTheCategoryListAndTheMostSimilarExamples()
    {
        app.OpenAi.Reply("""{"category":"pothole","confidence":0.9,"priority":"normal","location_text":null,"summary":"Pothole"}""");

        await Classify("deep pothole in the lane behind my garage");

        var prompt = app.OpenAi.LastPrompt();
        Assert.Contains("- pothole: A hole, rut, sunken patch", prompt);
        Assert.Contains("- noise-bylaw:", prompt);
        Assert.Contains("deep pothole in the lane behind my garage", prompt);
        var shots = prompt.Split('\n').Where(l => l.StartsWith("- \"", StringComparison.Ordinal) && l.EndsWith("\" => pothole", StringComparison.Ordinal)).ToList();
        Assert.True(shots.Count >= 3, $"retrieved pothole examples: {shots.Count} in\n{prompt}");
        Assert.Equal("test-model", app.OpenAi.LastRequest().GetProperty("model").GetString());
    }

    [Theory]
    [InlineData("this is not json at all")]
    [InlineData("""{"category": "pothole", "confidence": """)]
    [InlineData("""{"category":"flying-saucer","confidence":0.99,"priority":"urgent","location_text":null,"summary":"UFO"}""")]
    public async Task UnusableAnswer_FallsBackToTheEmbeddedResult(string content)
    {
        app.OpenAi.Reply(content);

        var result = await Classify(Report);

        Assert.Equal("pothole", result.CategoryCode);
        Assert.True(app.OpenAi.Requests > 0);
    }

    [Fact]
    public async Task ServerError_FallsBackToTheEmbeddedResult()
    {
        app.OpenAi.Fail(500);

        Assert.Equal("pothole", (await Classify(Report)).CategoryCode);
    }

    [Fact]
    public async Task TooManyRequestsWithRetryAfter_FallsBackAtOnce()
    {
        app.OpenAi.Fail(429, retryAfter: "30");

        Assert.Equal("pothole", (await Classify(Report)).CategoryCode);
        Assert.Equal(1, app.OpenAi.RequestsAnswered(429));
    }

    [Fact]
    public async Task AnswerSlowerThanTheTimeout_FallsBackToTheEmbeddedResult()
    {
        app.OpenAi.Reply("""{"category":"sidewalk","confidence":0.9,"priority":"normal","location_text":null,"summary":"late"}""", delay: TimeSpan.FromSeconds(10));

        Assert.Equal("pothole", (await Classify(Report)).CategoryCode);
    }

    [Fact]
    public async Task Conversation_PastItsDailyCallBudget_IsAnsweredByTheEmbeddedClassifierAlone_UntilTheDayPasses()
    {
        app.OpenAi.Reply("""{"category":"sidewalk","confidence":0.91,"priority":"normal","location_text":null,"summary":"Hole"}""");
        var conversation = Guid.NewGuid();
        var before = app.OpenAi.Requests;

        var answers = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await Classify(Report, conversation)).CategoryCode);
        }

        // Classifier:Llm:MaxCallsPerConversationPerDay is 2 here: the third turn never reaches the model.
        Assert.Equal(["sidewalk", "sidewalk", "pothole"], answers);
        Assert.Equal(before + 2, app.OpenAi.Requests);
        Assert.Equal("sidewalk", (await Classify(Report, Guid.NewGuid())).CategoryCode);

        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("sidewalk", (await Classify(Report, conversation)).CategoryCode);
    }

    private Task<Intelligence.Classification.Classification> Classify(string text, Guid conversation) =>
        app.Services.GetRequiredService<IClassifier>().ClassifyAsync(new ClassificationInput(text, "en", [], conversation), CancellationToken.None);

    private Task<Intelligence.Classification.Classification> Classify(string text) =>
        app.Services.GetRequiredService<IClassifier>().ClassifyAsync(new ClassificationInput(text, "en", []), CancellationToken.None);

    public sealed class Factory : CivicAppFactory
    {
        public Factory()
        {
            Settings["Classifier:Llm:Endpoint"] = OpenAi.Url;
            Settings["Classifier:Llm:Model"] = "test-model";
            Settings["Classifier:Llm:ApiKey"] = "test-key";
            Settings["Classifier:Llm:TimeoutSeconds"] = "3";
            Settings["Classifier:Llm:MaxCallsPerConversationPerDay"] = "2";
        }

        public OpenAiStandIn OpenAi { get; } = new();

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            OpenAi.Dispose();
        }
    }
}
