using System.Net;
using CivicConnect.Integration.Tests.Browser;
using CivicConnect.Integration.Tests.Twilio;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CivicConnect.Integration.Tests.Reports;

/// <summary>
/// The real server on a loopback port with Twilio's stand-in (so a citizen can report by SMS while a
/// page watches), and one headless Chromium; each sign-in is a fresh browser context through the
/// Development sign-in form, as a person would use it.
/// </summary>
/// <remarks>Stands in until the shared console fixture is on main; the tests only need <see cref="SignInAsync"/>.</remarks>
public sealed class ReportConsoleFixture : TwilioAppFactory
{
    public const int StepTimeoutMs = 30_000;

    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What the pages wrote to the browser console and the errors they threw, for a failing test's message.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> BrowserLog { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

        // Build the classifier before an SMS turn has to wait for it.
        await Services.GetRequiredService<CivicConnect.Intelligence.Classification.IClassifier>()
            .ClassifyAsync(new("pothole on my street", "en", []), CancellationToken.None);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = WebChatFixture.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
            Timeout = StepTimeoutMs,
        });
    }

    /// <summary>A new browser context signed in as <paramref name="role"/> of <paramref name="department"/>, on <paramref name="path"/>.</summary>
    public async Task<IPage> SignInAsync(string role, string? department, string name, string path, int width = 1280, int height = 900)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "en-CA",
            TimezoneId = "America/Edmonton",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(StepTimeoutMs);

        // A circuit starts after the page loads; on a busy machine that is well over the 5 s default.
        Assertions.SetDefaultExpectTimeout(StepTimeoutMs);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => BrowserLog.Enqueue($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => BrowserLog.Enqueue("page error: " + error);
        page.RequestFailed += (_, request) => BrowserLog.Enqueue($"request failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                BrowserLog.Enqueue($"HTTP {response.Status}: {response.Url}");
            }
        };
        await page.GotoAsync($"console/signin?returnUrl={Uri.EscapeDataString(path)}");
        await page.SelectOptionAsync("#signin-role", role);
        await page.FillAsync("#signin-department", department ?? string.Empty);
        await page.FillAsync("#signin-name", name);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path.Split('?')[0]);
        return page;
    }

    /// <summary>Waits for <paramref name="ready"/>; on failure, says what the browser saw.</summary>
    public async Task ExpectAsync(IPage page, Func<Task> ready)
    {
        try
        {
            await ready();
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            var shown = await page.InnerTextAsync("main", new() { Timeout = 2000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(no main)", TaskScheduler.Default);
            Assert.Fail(ex.Message + "\nPage:\n" + shown[..Math.Min(shown.Length, 3000)] + "\nBrowser:\n" + string.Join("\n", BrowserLog));
        }
    }

    public override async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
    }
}
