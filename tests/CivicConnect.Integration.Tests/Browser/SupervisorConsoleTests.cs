using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Admin;
using CivicConnect.Integration.Tests.Open311;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicConnect.Integration.Tests.Browser;

/// <summary>
/// A supervisor in real Chromium: edits an example, imports examples that make the classifier
/// worse, evaluates the draft, sees the gate refuse it, publishes with a reason, rolls back; and
/// saves, simulates and publishes a routing draft.
/// </summary>
public sealed class SupervisorConsoleTests(SupervisorConsoleFixture app) : IClassFixture<SupervisorConsoleFixture>
{
    private const string Misled = "there's a pothole on Crowchild that almost wrecked my suspension";

    /// <summary>Building the draft's model (only its new examples are embedded) and scoring 30 messages twice: seconds, more on a busy machine.</summary>
    private const float MeasureTimeoutMs = 120_000;

    [Fact]
    public async Task Classifier_EditExample_EvaluateDraft_GateRefusesRegression_PublishWithReason_RollBack()
    {
        var console = await app.SignInAsync(CivicRoles.Supervisor, name: "Sue Supervisor", path: "/console/classifier");
        var page = console.Page;
        Assert.Empty(await console.SeriousAccessibilityViolationsAsync());
        int published;
        await using (var db = app.CreateDbContext())
        {
            published = await db.ClassifierVersions.Where(v => v.State == ClassifierVersionState.Published).Select(v => v.Id).SingleAsync();
        }

        // Edit an example: find it, change its wording.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Examples" }).ClickAsync();
        await page.GetByLabel("Category", new() { Exact = true }).First.SelectOptionAsync("pothole");
        var firstEdit = page.GetByTestId("examples").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Edit: ") }).First;
        var original = (await firstEdit.GetAttributeAsync("aria-label"))!["Edit: ".Length..];
        await firstEdit.ClickAsync();
        await page.Locator("#edit-example-text").FillAsync(original + " near the school");
        await page.GetByTestId("examples").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByTestId("classifier-notice")).ToContainTextAsync("Saved in draft");
        await Expect(page.GetByTestId("examples")).ToContainTextAsync(original + " near the school");

        // Teach it wrong: messages of the labelled set imported under another category.
        var csv = new StringBuilder("text,category\n");
        foreach (var wording in new[] { Misled, Misled + ".", Misled + "!", Misled.ToUpperInvariant(), "please help, " + Misled, Misled + " again" })
        {
            csv.Append('"').Append(wording).Append("\",animal\n");
        }

        await page.Locator("#import-csv").SetInputFilesAsync(new FilePayload { Name = "misled.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await Expect(page.GetByTestId("classifier-notice")).ToContainTextAsync("6 examples added");

        // Evaluate: draft beside published, and the message whose answer changes.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Evaluate and publish" }).ClickAsync();
        await page.GetByTestId("evaluate-draft").ClickAsync();
        await Expect(page.GetByTestId("evaluation-summary")).ToBeVisibleAsync(new() { Timeout = MeasureTimeoutMs });
        await Expect(page.GetByTestId("changed-answers")).ToContainTextAsync(Misled);

        // The gate refuses, names the drop, and asks for a reason.
        await page.GetByTestId("publish-draft").ClickAsync();
        await Expect(page.GetByTestId("gate-refusal")).ToContainTextAsync(new Regex(@"macro-F1 falls by \d+\.\d points"), new() { Timeout = MeasureTimeoutMs });
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(published, await db.ClassifierVersions.Where(v => v.State == ClassifierVersionState.Published).Select(v => v.Id).SingleAsync());
        }

        const string Reason = "Animal Services pilot asked for these messages";
        await page.GetByLabel("Reason for publishing anyway").FillAsync(Reason);
        await page.GetByTestId("publish-draft").ClickAsync();
        await Expect(page.GetByTestId("classifier-notice")).ToContainTextAsync(new Regex(@"Version \d+ is published"), new() { Timeout = MeasureTimeoutMs });

        // History: who, when, the reason, the diff; then roll back to the version before.
        await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        var versions = page.GetByTestId("versions");
        await Expect(versions).ToContainTextAsync(Reason);
        await Expect(versions).ToContainTextAsync("Sue Supervisor");
        int regressed;
        await using (var db = app.CreateDbContext())
        {
            var row = await db.ClassifierVersions.SingleAsync(v => v.State == ClassifierVersionState.Published);
            Assert.Equal(Reason, row.PublishReason);
            Assert.Equal("Sue Supervisor", row.PublishedBy);
            regressed = row.Id;
        }

        await versions.GetByRole(AriaRole.Button, new() { Name = $"Diff v{regressed}" }).ClickAsync();
        await Expect(page.GetByTestId("version-diff")).ToContainTextAsync(Misled);
        await versions.GetByRole(AriaRole.Button, new() { Name = $"Roll back to this v{published}" }).ClickAsync();
        await Expect(page.GetByTestId("classifier-notice")).ToContainTextAsync($"Version {published} restored as version");

        await using (var db = app.CreateDbContext())
        {
            var now = await db.ClassifierVersions.SingleAsync(v => v.State == ClassifierVersionState.Published);
            var before = await db.ClassifierVersions.SingleAsync(v => v.Id == published);
            Assert.Equal(published, now.BasedOnId);
            Assert.Equal(before.Snapshot, now.Snapshot);
        }

        Assert.Empty(console.Problems);
    }

    [Fact]
    public async Task Routing_DraftIsSimulatedThenPublished()
    {
        var reference = await PotholeAsync();
        var console = await app.SignInAsync(CivicRoles.Supervisor, name: "Rob Supervisor", path: "/console/routing");
        var page = console.Page;
        Assert.Empty(await console.SeriousAccessibilityViolationsAsync());
        var rules = page.GetByTestId("routing-rules");
        var rows = await rules.Locator("tbody tr").CountAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
        var n = rows + 1;
        await page.GetByLabel($"Rule {n}: Name").FillAsync("Parks potholes");
        await page.GetByLabel($"Rule {n}: Categories").FillAsync("pothole");
        await page.GetByLabel($"Rule {n}: Department").FillAsync("PARKS");
        await page.GetByLabel($"Rule {n}: Priority", new() { Exact = true }).FillAsync("high");
        await page.GetByLabel("Comment").FillAsync("potholes to parks");
        await page.GetByTestId("routing-save").ClickAsync();
        await Expect(page.GetByTestId("routing-notice")).ToContainTextAsync("Draft saved.");
        await Expect(page.GetByTestId("routing-publish")).ToBeDisabledAsync();

        await page.GetByLabel("Reports to replay").FillAsync("50");
        await page.GetByTestId("routing-simulate").ClickAsync();
        var moves = page.GetByTestId("routing-moves");
        await Expect(moves).ToContainTextAsync($"#{reference}");
        await Expect(moves.Locator("tr", new() { HasText = $"#{reference}" })).ToContainTextAsync(new Regex("ROADS · normal.*PARKS · high", RegexOptions.Singleline));
        await Expect(page.GetByTestId("routing-simulated")).ToContainTextAsync(new Regex(@"Simulated on \d+ reports"));

        await page.GetByTestId("routing-publish").ClickAsync();
        await Expect(page.GetByTestId("routing-notice")).ToContainTextAsync(new Regex(@"Version \d+ is in force"));
        await Expect(page.GetByTestId("routing-versions")).ToContainTextAsync("potholes to parks (simulated on");

        await using var db = app.CreateDbContext();
        var latest = await db.RoutingRuleVersions.OrderByDescending(v => v.Version).FirstAsync();
        Assert.Equal("Rob Supervisor", latest.CreatedBy);
        Assert.Contains("Parks potholes", latest.Document, StringComparison.Ordinal);
        Assert.Equal(0, await db.RoutingRuleDrafts.CountAsync());
        var next = await PotholeAsync();
        var routed = await db.Issues.Include(i => i.Department).SingleAsync(i => i.ReferenceNumber == next);
        Assert.Equal("PARKS", routed.Department!.Code);
        Assert.Empty(console.Problems);
    }

    private async Task<int> PotholeAsync()
    {
        var response = await Open311Client.PostAsync(app.CreateClient(), "json", [("api_key", "dev-open311-key"), .. Open311Client.Pothole().Where(f => f.Name != "api_key")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return int.Parse((await response.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("service_request_id").GetString()!, CultureInfo.InvariantCulture);
    }
}
