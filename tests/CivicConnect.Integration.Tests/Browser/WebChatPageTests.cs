using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicConnect.Integration.Tests.Browser;

/// <summary>The web chat page itself, in real headless Chromium against the real server.</summary>
public sealed partial class WebChatPageTests(WebChatFixture app) : IClassFixture<WebChatFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = WebChatPage.StepTimeoutMs };

    [Fact]
    public async Task HomePage_Opened_RendersAccessibleWebChatWithoutErrors()
    {
        await using var chat = await app.OpenAsync();
        var page = chat.Page;

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveTitleAsync(new Regex("311"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Report a problem" })).ToBeVisibleAsync(Visible);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Chat with 311" })).ToBeVisibleAsync(Visible);
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Language" })).ToHaveValueAsync("en");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Share my location" })).ToBeEnabledAsync();
        await Expect(chat.SendBox).ToHaveAccessibleNameAsync(new Regex(@"\S"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send a photo" })).ToBeVisibleAsync(Visible);
        await Expect(chat.UploadButton.Locator("input[type=file]")).ToHaveAttributeAsync("accept", "image/*");

        // Everything comes from this server: nothing failed, nothing was logged as an error.
        Assert.Empty(chat.Problems);
    }

    [Fact]
    public async Task HomePage_Keyboard_ReachesEveryControlAndSendsWithEnter()
    {
        await using var chat = await app.OpenAsync();
        var page = chat.Page;

        // Tab order: skip link, language, remember this device, share location, … then into Web Chat.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to the chat" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(chat.LanguageSelect).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Remember this device" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(chat.ShareLocationButton).ToBeFocusedAsync();

        await chat.SendBox.FocusAsync();
        await page.Keyboard.TypeAsync("hello");
        await page.Keyboard.PressAsync("Enter");

        await Expect(chat.UserMessages.Last).ToContainTextAsync("hello", new() { Timeout = WebChatPage.StepTimeoutMs });
        Assert.Empty(chat.Problems);
    }

    [Fact]
    public async Task HomePage_OnA360PixelPhone_FitsWithoutSidewaysScrolling()
    {
        await using var chat = await app.OpenAsync(width: 360, height: 740);
        var page = chat.Page;

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"The page is {scrollWidth} px wide on a 360 px screen.");
        foreach (var control in new[] { chat.LanguageSelect, chat.ShareLocationButton, chat.SendBox, chat.UploadButton })
        {
            await Expect(control).ToBeInViewportAsync();
        }

        Assert.Empty(chat.Problems);
    }

    [Fact]
    public async Task LanguageChoice_Francais_TranslatesThePageAndWebChat()
    {
        await using var chat = await app.OpenAsync();
        var page = chat.Page;

        await chat.LanguageSelect.SelectOptionAsync("fr");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Partager ma position" })).ToBeVisibleAsync(Visible);
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Langue" })).ToHaveValueAsync("fr");
        await Expect(chat.SendBox).ToHaveAttributeAsync("placeholder", "Tapez votre message");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Envoyer une photo" })).ToBeVisibleAsync(Visible);
        Assert.Empty(chat.Problems);
    }

    [Fact]
    public async Task LanguageChoice_FrenchLink_OpensInFrench()
    {
        await using var chat = await app.OpenAsync("/?lang=fr");

        await Expect(chat.Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(chat.LanguageSelect).ToHaveValueAsync("fr");
        await Expect(chat.SendBox).ToHaveAttributeAsync("placeholder", "Tapez votre message");
    }

    [Fact]
    public async Task LanguageChoice_SwitchedMidConversation_BotContinuesInFrench()
    {
        await using var chat = await app.OpenAsync();
        await chat.SendTextAsync("There's a pothole");
        await chat.WaitForBotReplyAsync(new Regex(@"Where is it\?"));

        await chat.ChooseLanguageAsync("fr");

        await Expect(chat.UserMessages.Last).ToHaveTextAsync("Français", new() { Timeout = WebChatPage.StepTimeoutMs });
        var reply = await chat.WaitForBotReplyAsync(new Regex("je continue en français"));
        Assert.Contains("Où est-ce?", reply, StringComparison.Ordinal);
        Assert.Empty(chat.Problems);
    }

    [Fact]
    public async Task ShareLocation_PermissionRefused_AsksForTheAddressInstead()
    {
        await using var chat = await app.OpenAsync(); // no geolocation permission in this context
        var sentBefore = await chat.UserMessages.CountAsync();

        await chat.ShareLocationAsync();

        await Expect(chat.Status).ToContainTextAsync("Type the address or the nearest intersection");
        await Expect(chat.UserMessages).ToHaveCountAsync(sentBefore);
        Assert.Empty(chat.Problems);
    }

    [Fact]
    public async Task Opened_NewConversation_IsGreetedOnceEvenAfterAReload()
    {
        await using var chat = await app.OpenAsync("/?lang=fr");

        await chat.WaitForBotReplyAsync(new Regex("Ici le 311 de Calgary"));
        await Expect(chat.SuggestedActions).ToHaveTextAsync(["Signaler un problème", "Mes signalements", "English"], new() { Timeout = WebChatPage.StepTimeoutMs });
        await chat.ClickChoiceAsync("Signaler un problème");
        await chat.WaitForBotReplyAsync(new Regex("Quel est le problème\\?"));
        chat.ForgetProblems(); // a reload cancels the connection on purpose
        await chat.ReloadAsync();
        await chat.SendTextAsync("il y a un nid-de-poule");
        await chat.WaitForBotReplyAsync(new Regex(@"\S"));

        // The reload re-joined before the message was sent, and turns run in order: a second greeting would show by now.
        var greetings = (await chat.BotMessages.AllInnerTextsAsync()).Count(t => t.Contains("Ici le 311 de Calgary", StringComparison.Ordinal));
        Assert.Equal(1, greetings);
    }

    [Fact]
    public async Task Reload_MidConversation_ResumesTheSameConversation()
    {
        await using var chat = await app.OpenAsync();
        await chat.SendTextAsync("hello");
        var conversationId = await ConversationIdAsync(chat.Page);

        chat.ForgetProblems(); // a reload cancels the connection on purpose
        await chat.ReloadAsync();

        Assert.Equal(conversationId, await ConversationIdAsync(chat.Page));
        await Expect(chat.UserMessages.First).ToContainTextAsync("hello", new() { Timeout = WebChatPage.StepTimeoutMs });
        Assert.DoesNotContain(chat.Problems, p => !p.Contains("ERR_ABORTED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reload_TokenCloseToExpiry_RefreshesItAndResumes()
    {
        await using var chat = await app.OpenAsync();
        await chat.SendTextAsync("hello");
        var conversationId = await ConversationIdAsync(chat.Page);
        await chat.Page.EvaluateAsync($$"""
            () => {
              const session = JSON.parse(sessionStorage.getItem('{{SessionKey}}'));
              session.expiresAt = Date.now() + 60 * 1000; // one minute left
              sessionStorage.setItem('{{SessionKey}}', JSON.stringify(session));
            }
            """);

        chat.ForgetProblems();
        var refresh = await chat.Page.RunAndWaitForRequestFinishedAsync(chat.ReloadAsync, new() { Predicate = r => r.Url.EndsWith("/v3/directline/tokens/refresh", StringComparison.Ordinal) });

        Assert.Equal(200, (await refresh.ResponseAsync())!.Status);
        Assert.Equal(conversationId, await ConversationIdAsync(chat.Page));
        var minutesLeft = await chat.Page.EvaluateAsync<double>($"() => (JSON.parse(sessionStorage.getItem('{SessionKey}')).expiresAt - Date.now()) / 60000");
        Assert.True(minutesLeft > 5, $"The refreshed token has {minutesLeft:0.0} minutes left.");
        await Expect(chat.UserMessages.First).ToContainTextAsync("hello", new() { Timeout = WebChatPage.StepTimeoutMs });
        Assert.DoesNotContain(chat.Problems, p => !p.Contains("ERR_ABORTED", StringComparison.Ordinal));
    }

    private const string SessionKey = "civicconnect.webchat.session";

    private static Task<string> ConversationIdAsync(IPage page) =>
        page.EvaluateAsync<string>($"() => JSON.parse(sessionStorage.getItem('{SessionKey}')).conversationId");
}
