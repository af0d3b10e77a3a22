using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CivicConnect.Core.Security;
using CivicConnect.Integration.Tests.Admin;
using CivicConnect.Integration.Tests.Classification;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicConnect.Integration.Tests.Browser;

/// <summary>
/// A supervisor edits the LLM prompt and judges the draft through the model before publishing:
/// the console's LLM evaluation sends the draft's own prompt and shows tokens per message.
/// </summary>
public sealed class ClassifierLlmConsoleTests(ClassifierLlmConsoleTests.Fixture app) : IClassFixture<ClassifierLlmConsoleTests.Fixture>
{
    [Fact]
    public async Task PromptEdit_EvaluatedThroughTheLlm_ShowsTokensAndUsesTheDraftPrompt()
    {
        // The fixture's server listens on a real loopback port (the browser's); the API call goes there too.
        var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.TokenFor(CivicRoles.Supervisor));
        var admin = new AdminApi(http);
        var template = (await admin.GetAsync("/admin/classifier/prompt")).GetProperty("template").GetString()!;
        using (var put = await admin.Http.PutAsJsonAsync("/admin/classifier/prompt", new { template = template + "\nDraft rule 4410: name the most specific category.\n" }))
        {
            await AdminApi.ReadAsync(put, 200);
        }

        app.OpenAi.Reset();
        app.OpenAi.ReplyWhen("", """{"category":"pothole","confidence":0.9,"priority":"normal","location_text":null,"summary":"Pothole"}""", promptTokens: 1234, completionTokens: 56);
        var console = await app.SignInAsync(CivicRoles.Supervisor, name: "Lee Supervisor", path: "/console/classifier");
        var page = console.Page;

        await page.GetByRole(AriaRole.Tab, new() { Name = "Evaluate and publish" }).ClickAsync();
        Assert.Empty(await console.SeriousAccessibilityViolationsAsync());
        await page.GetByTestId("evaluate-draft-llm").ClickAsync();

        await Expect(page.GetByTestId("evaluation-summary")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Expect(page.GetByTestId("draft-tokens")).ToHaveTextAsync(new Regex(@"^1,?234 \+ 56$"));
        await Expect(page.GetByText("Through the LLM, each version with its own prompt.")).ToBeVisibleAsync();
        Assert.Empty(await console.SeriousAccessibilityViolationsAsync());
        Assert.Contains(app.OpenAi.Prompts(), p => p.Contains("Draft rule 4410", StringComparison.Ordinal));
        Assert.Contains(app.OpenAi.Prompts(), p => !p.Contains("Draft rule 4410", StringComparison.Ordinal));
        Assert.Empty(console.Problems);
    }

    public sealed class Fixture : ConsoleFixture
    {
        public Fixture()
        {
            Settings["Classifier:PublishGate:EvaluationSet"] = ClassifierPublishGateTests.GateSet;
            Settings["Classifier:Llm:Endpoint"] = OpenAi.Url;
            Settings["Classifier:Llm:Model"] = "test-model";
            Settings["Classifier:Llm:ApiKey"] = "test-key";
        }

        public OpenAiStandIn OpenAi { get; } = new();

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            OpenAi.Dispose();
        }
    }
}
