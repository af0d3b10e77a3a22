using System.Net;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CivicConnect.Integration.Tests.Browser;

/// <summary>
/// The real server on a real loopback port (Kestrel, so a browser can reach it) against the
/// class's own database, and one headless Chromium for the whole class. Each test opens its own
/// browser context (fresh storage and permissions) through <see cref="OpenAsync"/>.
/// </summary>
public class WebChatFixture : CivicAppFactory
{
    /// <summary>Debian's chromium; `civic test` installs it. Playwright never downloads a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    internal static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public WebChatFixture()
    {
        Settings["Media:Root"] = MediaRoot;

        // Every test opens a fresh browser context: a new citizen asking for a token, always from 127.0.0.1.
        Settings["DirectLine:WebChatTokensPerMinute"] = "1000";
    }

    /// <summary>Where the photos citizens send in this class are stored (deleted afterwards).</summary>
    public string MediaRoot { get; } = Path.Combine(Path.GetTempPath(), "civic-webchat-media-" + Guid.NewGuid().ToString("N")[..12]);

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

        // The classifier builds its model on first use (seconds, more on a busy machine), as a new
        // node does after start-up; do it before a browser's 20 s send timeout can see it.
        await Services.GetRequiredService<CivicConnect.Intelligence.Classification.IClassifier>()
            .ClassifyAsync(new("pothole on my street", "en", []), CancellationToken.None);

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = WebChatPage.StepTimeoutMs,
        });
    }

    /// <summary>A new browser context and tab showing the web chat page, connected to its conversation.</summary>
    /// <param name="geolocation">Where the browser says it is; the site may read it without asking.</param>
    /// <param name="width">Viewport width in CSS pixels (360 is a small phone; 640 is a 1280 px window at 200 % zoom).</param>
    /// <param name="reducedMotion">Whether the browser says the citizen asked for less motion.</param>
    /// <param name="permissions">More permissions the citizen has given the site (e.g. "notifications").</param>
    public async Task<WebChatPage> OpenAsync(string path = "/", Geolocation? geolocation = null, int width = 1024, int height = 768, bool reducedMotion = false, IEnumerable<string>? permissions = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "en-CA",
            TimezoneId = "America/Edmonton",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Geolocation = geolocation,
            Permissions = [.. geolocation is null ? [] : new[] { "geolocation" }, .. permissions ?? []],
            ReducedMotion = reducedMotion ? ReducedMotion.Reduce : ReducedMotion.NoPreference,
        });
        context.SetDefaultTimeout(WebChatPage.StepTimeoutMs);

        // Assertions wait as long as actions: on a shared 2-core CI machine a map can take more than the default 5 s to draw.
        Assertions.SetDefaultExpectTimeout(WebChatPage.StepTimeoutMs);
        var page = new WebChatPage(await context.NewPageAsync());
        await page.GotoAsync(path);
        return page;
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
