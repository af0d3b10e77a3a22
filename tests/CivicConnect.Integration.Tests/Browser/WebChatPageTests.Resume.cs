using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace CivicConnect.Integration.Tests.Browser;

/// <summary>"Remember this device": a conversation that survives closing the tab, only with consent.</summary>
public sealed partial class WebChatPageTests
{
    private const string CitizenKeyItem = "civicconnect.webchat.citizenKey";

    [Fact]
    public async Task RememberedDevice_ReopenedAfterTheTokenExpired_RejoinsTheConversationWithItsHistory_AndForgottenStartsAfresh()
    {
        await using var first = await app.OpenAsync();
        await first.WaitForBotReplyAsync(new Regex("This is Calgary 311")); // the greeting comes without typing
        await Expect(first.RememberBox).Not.ToBeCheckedAsync(); // nothing kept beyond the tab unless the citizen asks
        Assert.Null(await CitizenKeyAsync(first));

        await first.RememberBox.CheckAsync();
        await Expect(first.Status).ToContainTextAsync("This device will bring you back");
        await first.SendTextAsync("There's a pothole");
        await first.WaitForBotReplyAsync(new Regex(@"Where is it\?"));
        var conversationId = await ConversationIdAsync(first.Page);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", await CitizenKeyAsync(first)); // 256 random bits

        app.Clock.Advance(TimeSpan.FromMinutes(31)); // the tab's token expires while the citizen is away
        await using var second = await first.ReopenAsync();

        Assert.Equal(conversationId, await ConversationIdAsync(second.Page));
        await Expect(second.UserMessages.First).ToContainTextAsync("There's a pothole");
        await Expect(second.BotMessages.Filter(new() { HasTextRegex = new Regex(@"Where is it\?") }).First).ToBeVisibleAsync();
        await Expect(second.RememberBox).ToBeCheckedAsync();
        Assert.DoesNotContain(second.Problems, p => !p.Contains("ERR_ABORTED", StringComparison.Ordinal));

        await second.RememberBox.UncheckAsync(); // "forget this device"
        await Expect(second.Status).ToContainTextAsync("This device is forgotten");
        Assert.Null(await CitizenKeyAsync(second));
        await using var third = await second.ReopenAsync();

        Assert.NotEqual(conversationId, await ConversationIdAsync(third.Page));
        await third.WaitForBotReplyAsync(new Regex("This is Calgary 311"));
        await Expect(third.UserMessages).ToHaveCountAsync(0);
        Assert.Empty(third.Problems);
    }

    [Fact]
    public async Task RememberedDevice_TokenExpiresWithTheTabOpen_ThePageGetsANewOneWithTheKeyAndContinues()
    {
        await using var chat = await app.OpenAsync();
        await chat.RememberBox.CheckAsync();
        await Expect(chat.Status).ToContainTextAsync("This device will bring you back");
        await chat.SendTextAsync("There's a pothole");
        await chat.WaitForBotReplyAsync(new Regex(@"Where is it\?"));
        var conversationId = await ConversationIdAsync(chat.Page);

        app.Clock.Advance(TimeSpan.FromMinutes(31)); // the tab slept through its token's refresh
        chat.ForgetProblems();
        var token = await chat.Page.RunAndWaitForRequestFinishedAsync(
            async () =>
            {
                await chat.SendBox.FillAsync("on 17 Ave SW");
                await chat.SendBox.PressAsync("Enter"); // refused (403, expired): the page starts over with its key
            },
            new() { Predicate = r => r.Url.EndsWith("/api/webchat/token", StringComparison.Ordinal) });

        Assert.Equal(200, (await token.ResponseAsync())!.Status);
        await Expect(chat.ShareLocationButton).ToBeEnabledAsync(); // connected again
        Assert.Equal(conversationId, await ConversationIdAsync(chat.Page));
        await Expect(chat.UserMessages.First).ToContainTextAsync("There's a pothole");
        await chat.SendTextAsync("17 Ave SW and 4 St SW");
        await chat.WaitForBotReplyAsync(new Regex(@"\S")); // the bot answers in the same conversation
    }

    private static Task<string?> CitizenKeyAsync(WebChatPage chat) =>
        chat.Page.EvaluateAsync<string?>($"() => localStorage.getItem('{CitizenKeyItem}')");
}
