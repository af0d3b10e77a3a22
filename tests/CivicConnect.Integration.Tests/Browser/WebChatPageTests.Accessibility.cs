using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CivicConnect.Core.Security;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicConnect.Integration.Tests.Browser;

/// <summary>The chat page for citizens who use a screen reader, the keyboard, zoom or ask for less motion (WCAG 2.1 AA).</summary>
public sealed partial class WebChatPageTests
{
    [Fact]
    public async Task ChatPage_At200PercentZoomWithReducedMotion_PassesAxe_AnnouncesBotReplies_AndWorksByKeyboard()
    {
        // A 1280 px window at 200 % zoom lays the page out in 640 CSS pixels.
        await using var chat = await app.OpenAsync(width: 640, height: 800, reducedMotion: true);
        var page = chat.Page;
        await chat.WaitForBotReplyAsync(new Regex("This is Calgary 311"));
        await Expect(chat.SuggestedActions).ToHaveCountAsync(3);

        var violations = await chat.SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join('\n', violations));
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 640, $"The page is {scrollWidth} px wide at 640 CSS px: it scrolls sideways.");

        // Screen readers hear the bot: Web Chat reads each new activity into a polite live region
        // (and clears it a moment later), so what enters such a region is recorded from now on.
        await page.EvaluateAsync("""
            () => {
              window.announced = [];
              new MutationObserver(records => records.forEach(record => record.addedNodes.forEach(node => {
                const region = (node.nodeType === 1 ? node : node.parentElement)?.closest('[aria-live="polite"], [role="log"]');
                if (region && node.textContent) window.announced.push(node.textContent);
              }))).observe(document.body, { childList: true, subtree: true, characterData: true });
            }
            """);

        // Less motion: nothing animates or slides, Web Chat's buttons included.
        var moving = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.webchat *, button')]
                .filter(el => { const s = getComputedStyle(el); return s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0 || s.scrollBehavior === 'smooth'; })
                .map(el => el.className || el.tagName)
            """);
        Assert.Empty(moving);

        // Keyboard: from the send box, Tab reaches the send button and Shift+Tab the suggested
        // actions, each with a visible focus ring; Enter on an action sends it.
        await chat.SendBox.FocusAsync();
        await chat.SendBox.FillAsync("hello");
        var sendButton = page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true });
        await TabUntilFocusedAsync(page, sendButton, "Tab");
        Assert.True(await HasVisibleFocusAsync(sendButton), "The focused send button shows no focus ring.");

        await chat.SendBox.FillAsync(string.Empty);
        await chat.SendBox.FocusAsync();
        var report = page.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = "Report a problem", Exact = true });
        await TabUntilFocusedAsync(page, report, "Shift+Tab");
        Assert.True(await HasVisibleFocusAsync(report), "The focused suggested action shows no focus ring.");
        await page.Keyboard.PressAsync("Enter");
        await Expect(chat.UserMessages.Last).ToContainTextAsync("Report a problem");

        await chat.WaitForBotReplyAsync(new Regex("What's the problem"));
        await page.WaitForFunctionAsync("() => window.announced.some(text => text.includes(\"What's the problem\"))");
        Assert.Empty(chat.Problems);
    }

    [Fact]
    public async Task StatusPage_AfterAStaffTransition_ShowsTheNewStatus_AndPassesAxe()
    {
        long id;
        await using (var db = app.CreateDbContext())
        {
            id = (await LifecycleData.IssueAsync(db, "Pothole in the right lane")).Id;
        }

        using var assigned = await app.CreateClientAs(CivicRoles.Supervisor).PostAsJsonAsync($"/api/issues/{id}/transitions", new { trigger = "Assign", assignee = "crew 4" });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        await using var chat = await app.OpenAsync();
        var link = await StatusLinkAsync(id);
        chat.ForgetProblems(); // leaving the chat cancels its connection on purpose

        var response = await chat.Page.GotoAsync(link);

        Assert.Equal(200, response!.Status);
        await Expect(chat.Page.GetByTestId("status")).ToHaveTextAsync("Status: assigned to a crew");
        var violations = await chat.SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join('\n', violations));
        Assert.True(chat.Problems.Count == 0, string.Join('\n', chat.Problems)); // e.g. no /favicon.ico 404
    }

    /// <summary>The link a notification carries: <c>/r/{reference}?k={key}</c>.</summary>
    private async Task<string> StatusLinkAsync(long issueId)
    {
        await using var db = app.CreateDbContext();
        var issue = await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issueId);
        return $"/r/{issue.ReferenceNumber}?k={issue.PublicKey}";
    }

    /// <summary>Presses <paramref name="key"/> (at most 15 times) until <paramref name="target"/> has the focus.</summary>
    private static async Task TabUntilFocusedAsync(IPage page, ILocator target, string key)
    {
        for (var i = 0; i < 15; i++)
        {
            await page.Keyboard.PressAsync(key);
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"{key} never reached {target}.");
    }

    /// <summary>
    /// An outline or a ring (box shadow) drawn around the focused element, or Web Chat's own
    /// keyboard-focus indicator (a bordered box inside its buttons, shown only on keyboard focus).
    /// </summary>
    private static Task<bool> HasVisibleFocusAsync(ILocator element) =>
        element.EvaluateAsync<bool>("""
            el => {
              const own = getComputedStyle(el);
              if ((own.outlineStyle !== 'none' && parseFloat(own.outlineWidth) >= 2) || own.boxShadow !== 'none') return true;
              const indicator = el.querySelector('[class*="keyboard-focus-indicator"]');
              if (!indicator) return false;
              const s = getComputedStyle(indicator);
              return s.display !== 'none'
                && ((s.borderTopStyle !== 'none' && parseFloat(s.borderTopWidth) >= 1) || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1));
            }
            """);
}
