using System.Text.RegularExpressions;
using CivicConnect.Core.Messages;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Browser;
using CivicConnect.Integration.Tests.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicConnect.Integration.Tests.StaffConsole;

/// <summary>
/// An agent in real Chromium answers citizens who asked for a person: one on SMS (the reply
/// leaves through the Twilio stand-in), one in the web chat (a second browser sees the reply live).
/// </summary>
public sealed partial class HandOffConsoleTests(HandOffConsoleFixture app) : IClassFixture<HandOffConsoleFixture>
{
    [Fact]
    public async Task Agent_ClaimsAnSmsHandOff_TheReplyLeavesAsAnSms_AndTheCitizensWordsArriveLive()
    {
        var console = await app.SignInAsync(CivicRoles.Agent, name: "Sam Agent", path: "/console/handoffs");
        await Expect(console.Page.Locator("h1")).ToHaveTextAsync("Hand-offs");

        // The page is open before the citizen asks: the hand-off must appear without a reload.
        var (_, citizen) = TwilioAppFactory.NewCitizen();
        await app.SmsFromAsync(citizen, "There is a pothole on 17 Ave SW at 4 St SW");
        await app.SmsFromAsync(citizen, "agent");
        var id = await OpenHandOffIdAsync(ChannelIds.Sms, citizen);
        var item = console.Page.Locator($"[data-testid=handoff-item][data-handoff-id='{id}']");
        await Expect(item).ToBeVisibleAsync();
        await Expect(console.Page.Locator("[data-testid=handoff-inbox]")).ToHaveAttributeAsync("aria-live", "polite");

        await item.ClickAsync();
        var detail = console.Page.Locator("[data-testid=handoff-detail]");
        await Expect(detail.Locator("[data-testid=handoff-transcript]")).ToContainTextAsync("There is a pothole on 17 Ave SW at 4 St SW");
        await Expect(detail.Locator("[data-testid=handoff-draft]")).ToContainTextAsync("Pothole");
        await console.Page.GetByTestId("handoff-claim").ClickAsync();
        await Expect(detail).ToHaveAttributeAsync("data-status", "held");

        const string Reply = "Hello, this is Sam from 311. Is the pothole in the right lane?";
        await console.Page.GetByLabel("Message to the citizen").FillAsync(Reply);
        await console.Page.GetByTestId("handoff-send").ClickAsync();
        Assert.Equal(1, await app.WaitForSmsAsync(citizen, Reply));
        await Expect(detail.Locator("li[data-speaker=agent]")).ToContainTextAsync(Reply);

        // The citizen answers: the words appear on the agent's page as they come, and the bot stays out.
        var smsBefore = app.SentTo(citizen).Count;
        await app.SmsFromAsync(citizen, "Yes, the right lane, it is very deep");
        await Expect(detail.Locator("li[data-speaker=citizen]").Last).ToContainTextAsync("it is very deep");
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Address == citizen && m.Status == OutboxStatus.Pending));
        }

        Assert.Equal(smsBefore, app.SentTo(citizen).Count);

        var violations = await console.SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(console.Problems.Count == 0, string.Join("\n", console.Problems));
        await console.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Agent_AnswersAWebChatCitizen_WhoSeesTheReplyLive()
    {
        await using var citizen = await app.OpenWebChatAsync();
        await citizen.SendTextAsync("There is a pothole on 17 Ave SW at 4 St SW");
        await citizen.WaitForBotReplyAsync(PotholeReply());
        await citizen.SendTextAsync("agent");
        await citizen.WaitForBotReplyAsync(SomeoneWillContact());

        var id = await LatestOpenHandOffIdAsync(ChannelIds.DirectLine);
        var console = await app.SignInAsync(CivicRoles.Agent, name: "Kim Agent", path: "/console/handoffs");
        await console.Page.Locator($"[data-testid=handoff-item][data-handoff-id='{id}']").ClickAsync();
        await console.Page.GetByTestId("handoff-claim").ClickAsync();
        await Expect(console.Page.Locator("[data-testid=handoff-detail]")).ToHaveAttributeAsync("data-status", "held");

        await console.Page.GetByLabel("Message to the citizen").FillAsync("Hi, Kim from 311 here. I'm looking at your pothole now.");
        await console.Page.GetByTestId("handoff-send").ClickAsync();
        await citizen.WaitForBotReplyAsync(KimsReply());
        Assert.True(console.Problems.Count == 0, string.Join("\n", console.Problems));
        await console.Page.Context.CloseAsync();
    }

    private async Task<long> OpenHandOffIdAsync(string channel, string address)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var db = app.CreateDbContext();
            var id = await db.HandOffs.Where(h => h.Channel == channel && h.Address == address && h.Status != HandOffStatus.Closed).Select(h => (long?)h.Id).SingleOrDefaultAsync();
            if (id is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No hand-off was opened for {channel} {address}.");
        return 0;
    }

    private async Task<long> LatestOpenHandOffIdAsync(string channel)
    {
        await using var db = app.CreateDbContext();
        return await db.HandOffs.Where(h => h.Channel == channel && h.Status != HandOffStatus.Closed).OrderByDescending(h => h.Id).Select(h => h.Id).FirstAsync();
    }

    [GeneratedRegex("Pothole")]
    private static partial Regex PotholeReply();

    [GeneratedRegex("someone from 311 will contact you")]
    private static partial Regex SomeoneWillContact();

    [GeneratedRegex("Kim from 311 here")]
    private static partial Regex KimsReply();
}
