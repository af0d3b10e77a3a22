using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Browser;
using CivicConnect.Integration.Tests.Lifecycle;
using CivicConnect.Integration.Tests.Twilio;
using CivicConnect.Staff.Reports;
using CivicConnect.Workflow.Lifecycle;
using CivicConnect.Workflow.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CivicConnect.Integration.Tests.Reports;

/// <summary>The queue, the report desk and the field view in real Chromium, over the real server and database.</summary>
public sealed class ReportConsoleTests(HandOffConsoleFixture app) : IClassFixture<HandOffConsoleFixture>
{
    [Fact]
    public async Task TheQueue_ShowsAReportFiledBySms_WithoutAReload_AndAnnouncesIt()
    {
        var console = await app.SignInAsync(CivicRoles.Staff, "ROADS", "Dana", "/console/queue");
        var page = console.Page;
        await Assertions.Expect(page.GetByTestId("queue-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("count-total")).ToBeVisibleAsync();
        await ExpectAsync(console, () => WaitForCircuitAsync(page));

        var (written, e164) = TwilioAppFactory.NewCitizen();
        foreach (var text in new[] { "hi", "There is a pothole on 17 Ave SW at 4 St SW", "yes", "1", "Bigger than a tire", "yes", "1" })
        {
            await app.SmsFromAsync(written, text);
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
    public async Task TheQueuePager_Says10000Plus_WhenTheTotalWasNotCountedFurther()
    {
        var tag = "p" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = app.CreateDbContext())
        {
            await IssueStatusCountTests.SeedAsync(db, tag, IssuePage.ExactTotalUpTo + 1);
        }

        var page = (await app.SignInAsync(CivicRoles.Staff, "ROADS", "Dana", $"/console/queue?q={tag}")).Page;
        await Assertions.Expect(page.GetByTestId("queue-pager")).ToContainTextAsync("1-25 of 10,000+");

        // A search that finds fewer (…seeded 7, 70–79, 700–799, 7000–7999) is counted exactly: no "+".
        await page.GotoAsync($"console/queue?q={Uri.EscapeDataString(tag + " seeded 7")}");
        await Assertions.Expect(page.GetByTestId("queue-pager")).ToContainTextAsync("1-25 of 1,111");
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

        var page = (await app.SignInAsync(CivicRoles.Staff, "ROADS", "Dana", "/console/queue")).Page;
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

        var console = await app.SignInAsync(CivicRoles.FieldWorker, "ROADS", "Farid", "/console/field", width: 360, height: 740);
        var page = console.Page;
        var cards = page.GetByTestId("field-card").Filter(new() { HasText = tag });
        await Assertions.Expect(cards).ToHaveCountAsync(2);
        var shown = await cards.EvaluateAllAsync<int[]>("cards => cards.map(c => Number(c.dataset.reference))");
        Assert.Equal(new[] { mine.ReferenceNumber, crew.ReferenceNumber }.Order(), shown.Order());

        // The console's own stylesheet lays a card's actions out in one column. (A rule left unclosed in
        // console.css once nested every later rule under it, so none applied; whether the view then still
        // fitted 360 px depended on which other reports were in the list.)
        var layout = await FirstFieldActions(page).EvaluateAsync<string>("a => getComputedStyle(a).flexDirection + ' ' + getComputedStyle(a.querySelector('.field-photo')).minWidth");
        Assert.Equal("column 0px", layout);
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
            Assert.Fail("the field view is wider than a 360 px phone: " + string.Join(" | ", wide) + "\nBrowser:\n" + console.Log);
        }

        var card = page.Locator($"[data-testid=field-card][data-reference='{crew.ReferenceNumber}']");
        await ExpectAsync(console, () => Assertions.Expect(card.GetByTestId("field-resolve")).ToBeEnabledAsync());
        await card.GetByTestId("field-resolve").ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Alert)).ToContainTextAsync("Say what was done");
        await card.GetByLabel("What was done").FillAsync("Patched with cold mix");
        await card.GetByTestId("field-resolve").ClickAsync();

        await ExpectAsync(console, () => Assertions.Expect(page.GetByTestId("field-status")).ToContainTextAsync($"report #{crew.ReferenceNumber}"));
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

        var firstTab = await app.SignInAsync(CivicRoles.Staff, "ROADS", "Dana", $"/console/reports/{issue.Id}");
        var first = firstTab.Page;
        var secondTab = new ConsolePage(await first.Context.NewPageAsync());
        var second = secondTab.Page;
        await secondTab.GotoAsync($"console/reports/{issue.Id}");
        await ExpectAsync(secondTab, () => Assertions.Expect(second.GetByTestId("trigger-Reject")).ToBeEnabledAsync());

        await Assertions.Expect(first.GetByTestId("trigger-Triage")).ToBeEnabledAsync();
        await first.GetByTestId("trigger-Triage").ClickAsync();
        await first.GetByTestId("trigger-confirm").ClickAsync();
        await ExpectAsync(firstTab, () => Assertions.Expect(first.GetByTestId("desk-status")).ToHaveTextAsync("Triaged"));

        await second.GetByTestId("trigger-Reject").ClickAsync();
        await second.GetByLabel("Reason").FillAsync("Not a city road");
        await second.GetByTestId("trigger-confirm").ClickAsync();
        await ExpectAsync(secondTab, () => Assertions.Expect(second.GetByTestId("desk-conflict")).ToContainTextAsync("Changed by someone else"));

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(IssueStatus.Triaged, (await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issue.Id)).Status);
        }

        await second.GetByTestId("desk-reload").ClickAsync();
        await Assertions.Expect(second.GetByTestId("desk-status")).ToHaveTextAsync("Triaged");
        await Assertions.Expect(second.GetByTestId("desk-conflict")).ToHaveCountAsync(0);
        await first.Context.CloseAsync();
    }

    [Fact]
    public async Task TheDesk_ShowsACommentAndATransitionMadeElsewhere_WithoutAReload_AndPassesAnAxeScan()
    {
        Issue issue;
        await using (var db = app.CreateDbContext())
        {
            issue = await LifecycleData.IssueAsync(db, "A pothole watched live");
        }

        var desk = await app.SignInAsync(CivicRoles.Staff, "ROADS", "Dana", $"/console/reports/{issue.Id}");
        var page = desk.Page;
        await ExpectAsync(desk, () => Assertions.Expect(page.GetByTestId("desk-status")).ToHaveTextAsync("Received"));
        var violations = await desk.SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // Someone else, through the same services as the staff API and another tab.
        var lee = new IssueActor("Lee", ActorKind.Staff, "ROADS");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IssueComments>().AddAsync(issue.Id, "Crew booked for Tuesday", false, lee, CancellationToken.None);
        }

        await ExpectAsync(desk, () => Assertions.Expect(page.GetByText("Crew booked for Tuesday")).ToBeVisibleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IssueTransitions>().FireAsync(issue.Id, IssueTrigger.Triage, TransitionData.None, lee, CancellationToken.None);
        }

        await ExpectAsync(desk, () => Assertions.Expect(page.GetByTestId("desk-status")).ToHaveTextAsync("Triaged"));
        await Assertions.Expect(page.GetByTestId("desk-conflict")).ToContainTextAsync("Changed by someone else");
        violations = await desk.SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Empty(desk.Problems);
        await page.Context.CloseAsync();
    }

    private static ILocator FirstFieldActions(IPage page) => page.Locator("[data-testid=field-card] .field-actions").First;

    /// <summary>Waits for <paramref name="ready"/>; on failure, says what the page showed and what the browser said.</summary>
    private static async Task ExpectAsync(ConsolePage tab, Func<Task> ready)
    {
        try
        {
            await ready();
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            var shown = await tab.Page.InnerTextAsync("main", new() { Timeout = 2000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(no main)", TaskScheduler.Default);
            Assert.Fail(ex.Message + "\nPage:\n" + shown[..Math.Min(shown.Length, 3000)] + "\nBrowser:\n" + tab.Log);
        }
    }

    /// <summary>The queue subscribes to the live feed from its circuit; the live region says when it has.</summary>
    private static Task WaitForCircuitAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-testid=queue-live][data-live=on]")).ToHaveCountAsync(1);
}
