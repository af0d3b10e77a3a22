using System.Net;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CivicConnect.Integration.Tests.Browser;

/// <summary>
/// The real server on a loopback port for console tests, with one headless Chromium per class.
/// <see cref="SignInAsync"/> opens a fresh browser context signed in through the development
/// sign-in page as a role and department; <see cref="OpenWebChatAsync"/> opens a citizen's web
/// chat on the same server (hand-off tests use both).
/// </summary>
public class ConsoleFixture : CivicAppFactory
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public ConsoleFixture()
    {
        Settings["Media:Root"] = MediaRoot;
        Settings["DirectLine:WebChatTokensPerMinute"] = "1000";
    }

    public string MediaRoot { get; } = Path.Combine(Path.GetTempPath(), "civic-console-media-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.First());

        // Warm the classifier before a browser waits on a turn (see WebChatFixture).
        await Services.GetRequiredService<CivicConnect.Intelligence.Classification.IClassifier>()
            .ClassifyAsync(new("pothole on my street", "en", []), CancellationToken.None);
        await Services.GetRequiredService<CivicConnect.Messaging.Live.LiveFeedListener>().Listening.WaitAsync(TimeSpan.FromSeconds(30));

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = WebChatFixture.ChromiumPath,
            Headless = true,
            Args = WebChatFixture.ChromiumArgs,
            Timeout = ConsolePage.StepTimeoutMs,
        });
    }

    /// <summary>A fresh browser context signed in as <paramref name="role"/>, showing <paramref name="path"/>.</summary>
    public async Task<ConsolePage> SignInAsync(string role, string? department = null, string? name = null, string path = "/console", string locale = "en-CA", int width = 1280, int height = 900)
    {
        var context = await NewContextAsync(locale, width, height);
        var page = new ConsolePage(await context.NewPageAsync());
        await page.Page.GotoAsync($"console/signin?returnUrl={Uri.EscapeDataString(path)}");
        await page.Page.Locator("#signin-role").SelectOptionAsync(role);
        if (department is not null)
        {
            await page.Page.Locator("#signin-department").FillAsync(department);
        }

        await page.Page.Locator("#signin-name").FillAsync(name ?? $"test-{role}");
        await page.Page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForCircuitAsync();
        return page;
    }

    /// <summary>A citizen's web chat in its own browser context.</summary>
    public async Task<WebChatPage> OpenWebChatAsync(string path = "/")
    {
        var context = await NewContextAsync("en-CA", 1024, 768);
        var page = new WebChatPage(await context.NewPageAsync());
        await page.GotoAsync(path);
        return page;
    }

    private async Task<IBrowserContext> NewContextAsync(string locale, int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            TimezoneId = "America/Edmonton",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(ConsolePage.StepTimeoutMs);

        // Assertions wait as long as actions: on a shared 2-core CI machine a map can take more than the default 5 s to draw.
        Assertions.SetDefaultExpectTimeout(ConsolePage.StepTimeoutMs);
        return context;
    }

    public override async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
        if (Directory.Exists(MediaRoot))
        {
            Directory.Delete(MediaRoot, recursive: true);
        }
    }
}
