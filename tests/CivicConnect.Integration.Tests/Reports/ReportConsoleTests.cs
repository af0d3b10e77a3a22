using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Lifecycle;
using CivicConnect.Integration.Tests.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivicConnect.Integration.Tests.Reports;

/// <summary>The queue, the report desk and the field view in real Chromium, over the real server and database.</summary>
public sealed class ReportConsoleTests(ReportConsoleFixture app) : IClassFixture<ReportConsoleFixture>
{
    [Fact]
    public async Task TheQueue_ShowsAReportFiledBySms_WithoutAReload_AndAnnouncesIt()
    {
        var page = await app.SignInAsync(CivicRoles.Staff, "ROADS", "Dana", "/console/queue");
        await Assertions.Expect(page.GetByTestId("queue-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("count-total")).ToBeVisibleAsync();
        await app.ExpectAsync(page, () => WaitForCircuitAsync(page));

        var twilio = new TwilioWebhook(app);
        var (written, e164) = TwilioAppFactory.NewCitizen();
        foreach (var text in new[] { "hi", "There is a pothole on 17 Ave SW at 4 St SW", "yes", "1", "Bigger than a tire", "yes", "1" })
        {
            await twilio.SendOk(TwilioWebhook.Sms(written, text));
        }

        int reference;
        await using (var db = app.CreateDbContext())
        {
            var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Address == e164);
            reference = await db.Issues.AsNoTracking().Where(i => i.ReporterConversationId == conversation.Id).Select(i => i.ReferenceNumber).SingleAsync();
        }

        await Assertions.Expect(page.GetByTestId("queue-live")).ToContainTextAsync($"New report #{reference}");
        await Assertions.Expect(page.GetByTestId("queue-row-link").Filter(new() { HasText = $"#{reference}" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StaffOfRoads_GetThe403Page_ForAParksReport()
    {
        Issue parks;
        await using (var db = app.CreateDbContext())
        {
            parks = await LifecycleData.IssueAsync(db, "Fallen branch on the path", "parks-trees");
        }

        var page = await app.SignInAsync(CivicRoles.Staff, "ROADS", "Dana", "/console/queue");
        var response = await page.GotoAsync($"console/reports/{parks.Id}");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You may not open this page" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Fallen branch on the path")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AFieldWorker_SeesOnlyTheirAssignedReports_OnAPhone_AndResolvesOneWithANote()
    {
        var tag = "fw" + Guid.NewGuid().ToString("N")[..6];
        Issue mine, crew;
        await using (var db = app.CreateDbContext())
        {
            mine = await LifecycleData.IssueAsync(db, $"{tag} mine", status: IssueStatus.Assigned, configure: i => i.AssignedTo = "Farid");
            crew = await LifecycleData.IssueAsync(db, $"{tag} crew", status: IssueStatus.InProgress);
            await LifecycleData.IssueAsync(db, $"{tag} someone else's", status: IssueStatus.Assigned, configure: i => i.AssignedTo = "Omar");
            await LifecycleData.IssueAsync(db, $"{tag} not assigned", status: IssueStatus.Triaged);
            await LifecycleData.IssueAsync(db, $"{tag} parks", "parks-trees", IssueStatus.Assigned);
        }

        var page = await app.SignInAsync(CivicRoles.FieldWorker, "ROADS", "Farid", "/console/field", width: 360, height: 740);
        var cards = page.GetByTestId("field-card").Filter(new() { HasText = tag });
        await Assertions.Expect(cards).ToHaveCountAsync(2);
        var shown = await cards.EvaluateAllAsync<int[]>("cards => cards.map(c => Number(c.dataset.reference))");
        Assert.Equal(new[] { mine.ReferenceNumber, crew.ReferenceNumber }.Order(), shown.Order());
        // MudBlazor lays the drawer out for a small screen once the circuit has measured the window: wait for it, then hold it to 360 px.
        try
        {
            await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= 360", null, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            // Name the outermost elements that stick out, so a failure says which element to fix.
            var wide = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 360 && (!e.parentElement || e.parentElement.getBoundingClientRect().right <= 360)).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().left) + '-' + Math.round(e.getBoundingClientRect().right) + ' in ' + e.parentElement.className + ' ' + getComputedStyle(e.parentElement).flexDirection + ' ' + getComputedStyle(e).minWidth + ': ' + (e.textContent || '').slice(0, 60))");
            Assert.Fail("the field view is wider than a 360 px phone: " + string.Join(" | ", wide) + "\nBrowser:\n" + string.Join("\n", app.BrowserLog));
        }

        var card = page.Locator($"[data-testid=field-card][data-reference='{crew.ReferenceNumber}']");
        await app.ExpectAsync(page, () => Assertions.Expect(card.GetByTestId("field-resolve")).ToBeEnabledAsync());
        await card.GetByTestId("field-resolve").ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Alert)).ToContainTextAsync("Say what was done");
        await card.GetByLabel("What was done").FillAsync("Patched with cold mix");
        await card.GetByTestId("field-resolve").ClickAsync();

        await app.ExpectAsync(page, () => Assertions.Expect(page.GetByTestId("field-status")).ToContainTextAsync($"report #{crew.ReferenceNumber}"));
        await Assertions.Expect(cards).ToHaveCountAsync(1);
        await using var check = app.CreateDbContext();
        var resolved = await check.Issues.AsNoTracking().SingleAsync(i => i.Id == crew.Id);
        Assert.Equal((IssueStatus.Resolved, "Patched with cold mix"), (resolved.Status, resolved.ResolutionNote));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheDesk_FiresATrigger_AndAStaleSecondTab_IsToldItChanged()
    {
        Issue issue;
        await using (var db = app.CreateDbContext())
        {
            issue = await LifecycleData.IssueAsync(db, "Two tabs on one pothole");
        }

        var first = await app.SignInAsync(CivicRoles.Staff, "ROADS", "Dana", $"/console/reports/{issue.Id}");
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync($"console/reports/{issue.Id}");
        await app.ExpectAsync(second, () => Assertions.Expect(second.GetByTestId("trigger-Reject")).ToBeEnabledAsync());

        await Assertions.Expect(first.GetByTestId("trigger-Triage")).ToBeEnabledAsync();
        await first.GetByTestId("trigger-Triage").ClickAsync();
        await first.GetByTestId("trigger-confirm").ClickAsync();
        await app.ExpectAsync(first, () => Assertions.Expect(first.GetByTestId("desk-status")).ToHaveTextAsync("Triaged"));

        await second.GetByTestId("trigger-Reject").ClickAsync();
        await second.GetByLabel("Reason").FillAsync("Not a city road");
        await second.GetByTestId("trigger-confirm").ClickAsync();
        await app.ExpectAsync(second, () => Assertions.Expect(second.GetByTestId("desk-conflict")).ToContainTextAsync("Changed by someone else"));

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(IssueStatus.Triaged, (await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issue.Id)).Status);
        }

        await second.GetByTestId("desk-reload").ClickAsync();
        await Assertions.Expect(second.GetByTestId("desk-status")).ToHaveTextAsync("Triaged");
        await Assertions.Expect(second.GetByTestId("desk-conflict")).ToHaveCountAsync(0);
        await first.Context.CloseAsync();
    }

    /// <summary>The queue subscribes to the live feed from its circuit; the live region says when it has.</summary>
    private static Task WaitForCircuitAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-testid=queue-live][data-live=on]")).ToHaveCountAsync(1);
}
