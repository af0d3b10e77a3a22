using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicConnect.Integration.Tests.Browser;

/// <summary>
/// The web chat page as a citizen uses it: type, pick a suggested action, send a photo, share the
/// location, read the bot's replies. Every step waits at most <see cref="StepTimeoutMs"/>. It also
/// records what a citizen would never see but must not happen: console errors, uncaught script
/// errors, failed or refused requests (<see cref="Problems"/>).
/// </summary>
public sealed class WebChatPage : IAsyncDisposable
{
    public const float StepTimeoutMs = 30_000;

    private static readonly TimeSpan StepTimeout = TimeSpan.FromMilliseconds(StepTimeoutMs);

    private readonly List<string> problems = [];
    private int botRepliesBefore;

    public WebChatPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => Record($"uncaught error: {error}");
        page.RequestFailed += (_, request) => Record($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Record($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Console errors, script errors and failed requests seen so far.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (problems)
            {
                return [.. problems];
            }
        }
    }

    public ILocator ChatRegion => Page.Locator("#webchat");

    public ILocator LanguageSelect => Page.Locator("#language");

    public ILocator ShareLocationButton => Page.Locator("#share-location");

    public ILocator Status => Page.Locator("#status");

    public ILocator RememberBox => Page.Locator("#remember");

    public ILocator SendBox => Page.Locator(".webchat__send-box-text-box__input");

    public ILocator UploadButton => Page.Locator(".webchat__upload-button");

    public ILocator SuggestedActions => Page.Locator(".webchat__suggested-actions__button");

    /// <summary>The text of each bot message bubble, oldest first.</summary>
    public ILocator BotMessages => Page.Locator(".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content");

    public ILocator UserMessages => Page.Locator(".webchat__bubble--from-user .webchat__bubble__content");

    /// <summary>Opens the page and waits until Web Chat is rendered and connected.</summary>
    public async Task GotoAsync(string path = "/")
    {
        await Page.GotoAsync(path);
        await Expect(SendBox).ToBeVisibleAsync(new() { Timeout = StepTimeoutMs });
        await Expect(ShareLocationButton).ToBeEnabledAsync(new() { Timeout = StepTimeoutMs }); // enabled once Direct Line is online
    }

    public async Task ReloadAsync()
    {
        await Page.ReloadAsync();
        await Expect(SendBox).ToBeVisibleAsync(new() { Timeout = StepTimeoutMs });
        await Expect(ShareLocationButton).ToBeEnabledAsync(new() { Timeout = StepTimeoutMs });
    }

    /// <summary>
    /// Closes this tab and opens the page in a new one of the same browser (its localStorage
    /// stays, this tab's sessionStorage goes), as a citizen coming back later does.
    /// </summary>
    public async Task<WebChatPage> ReopenAsync(string path = "/")
    {
        var context = Page.Context;
        await Page.CloseAsync();
        var reopened = new WebChatPage(await context.NewPageAsync());
        await reopened.GotoAsync(path);
        return reopened;
    }

    /// <summary>axe-core's serious and critical WCAG 2.1 AA violations on the page as it is now.</summary>
    public Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync() => AxeScan.SeriousViolationsAsync(Page);

    /// <summary>Types a message and presses Enter; waits until it shows in the transcript.</summary>
    public async Task SendTextAsync(string text)
    {
        await MarkAsync();
        var sent = await UserMessages.CountAsync();
        await SendBox.FillAsync(text);
        await SendBox.PressAsync("Enter");
        await Expect(UserMessages).ToHaveCountAsync(sent + 1, new() { Timeout = StepTimeoutMs });
        await WaitUntilSentAsync();
    }

    /// <summary>Picks English ("en") or Français ("fr") in the page's language list.</summary>
    public async Task ChooseLanguageAsync(string language)
    {
        await MarkAsync();
        await LanguageSelect.SelectOptionAsync(language);
    }

    /// <summary>Clicks the suggested-action button the bot offered with this title.</summary>
    public async Task ClickChoiceAsync(string title)
    {
        var button = Page.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = title, Exact = true });
        await button.WaitForAsync(new() { Timeout = StepTimeoutMs });
        await MarkAsync();
        await button.ClickAsync();
    }

    /// <summary>Picks a photo with Web Chat's upload button (sent at once); waits until it shows in the transcript.</summary>
    public async Task UploadPhotoAsync(byte[] jpeg, string fileName = "pothole.jpg")
    {
        await MarkAsync();
        var sent = await UserMessages.CountAsync();
        await UploadButton.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "image/jpeg", Buffer = jpeg });
        await Expect(UserMessages).ToHaveCountAsync(sent + 1, new() { Timeout = StepTimeoutMs });
        await WaitUntilSentAsync();
    }

    /// <summary>Clicks "Share my location" (the browser context decides whether it may); waits for the page's answer.</summary>
    public async Task ShareLocationAsync()
    {
        await MarkAsync();
        await ShareLocationButton.ClickAsync();
        await Expect(Status).ToBeVisibleAsync(new() { Timeout = StepTimeoutMs });
        await Expect(Status).Not.ToHaveTextAsync(new Regex("…$"), new() { Timeout = StepTimeoutMs }); // "Finding your location…" passed
        await WaitUntilSentAsync();
    }

    /// <summary>
    /// Waits for a bot message, sent after the last action, whose text matches; returns that text.
    /// On timeout the failure lists the transcript so far.
    /// </summary>
    public async Task<string> WaitForBotReplyAsync(Regex pattern)
    {
        using var timeout = new CancellationTokenSource(StepTimeout);
        while (true)
        {
            var replies = await BotMessages.AllInnerTextsAsync();
            var match = replies.Skip(botRepliesBefore).FirstOrDefault(pattern.IsMatch);
            if (match is not null)
            {
                return match;
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"No bot reply matched /{pattern}/ within {StepTimeout.TotalSeconds} s. Transcript:\n{await TranscriptAsync()}\nProblems:\n{string.Join('\n', Problems)}");
            }

            await Task.Delay(150, CancellationToken.None);
        }
    }

    /// <summary>The transcript as a citizen reads it, one bubble a line ("bot:" / "me:").</summary>
    public async Task<string> TranscriptAsync()
    {
        var lines = await Page.Locator(".webchat__bubble").EvaluateAllAsync<string[]>(
            "bubbles => bubbles.map(b => (b.classList.contains('webchat__bubble--from-user') ? 'me:  ' : 'bot: ') + b.innerText.replace(/\\s+/g, ' ').trim())");
        return string.Join('\n', lines);
    }

    /// <summary>Forgets recorded problems (e.g. the polling request a reload cancels on purpose).</summary>
    public void ForgetProblems()
    {
        lock (problems)
        {
            problems.Clear();
        }
    }

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();

    /// <summary>Web Chat marks a message "Sending" until the server has echoed it back.</summary>
    private Task WaitUntilSentAsync() =>
        Expect(Page.Locator(".webchat__activity-status--sending")).ToHaveCountAsync(0, new() { Timeout = StepTimeoutMs });

    private async Task MarkAsync() => botRepliesBefore = await BotMessages.CountAsync();

    private void Record(string problem)
    {
        lock (problems)
        {
            problems.Add(problem);
        }
    }
}
