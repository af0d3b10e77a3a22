using Microsoft.Playwright;

namespace CivicConnect.Screenshots;

/// <summary>Signs in as a supervisor (development sign-in) and photographs each console page.</summary>
internal static class ConsoleCamera
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    public static async Task<IReadOnlyList<string>> ShootAsync(Uri server, string output)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = server.ToString(),
            Locale = "en-CA",
            TimezoneId = "America/Edmonton",
            ViewportSize = new() { Width = 1366, Height = 860 },
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("console/signin");
        await page.Locator("#signin-role").SelectOptionAsync("supervisor");
        await page.Locator("#signin-name").FillAsync("Sam Supervisor");
        await page.Locator("form button[type=submit]").ClickAsync();
        await ReadyAsync(page);

        var shots = new List<(string File, string Path)>
        {
            ("queue.png", "console/queue"),
            ("map.png", "console/map"),
            ("handoffs.png", "console/handoffs"),
            ("classifier.png", "console/classifier"),
            ("dashboard.png", "console/dashboard"),
        };
        var written = new List<string>();
        foreach (var (file, path) in shots)
        {
            await page.GotoAsync(path);
            await ReadyAsync(page);
            var target = Path.Combine(output, file);
            await page.ScreenshotAsync(new() { Path = target, FullPage = false });
            written.Add(target);
            if (file == "queue.png")
            {
                // The report desk of the newest report, opened the way staff open it: from the queue.
                await page.Locator("a[href*='console/reports/']").First.ClickAsync();
                await ReadyAsync(page);
                target = Path.Combine(output, "desk.png");
                await page.ScreenshotAsync(new() { Path = target, FullPage = false });
                written.Add(target);
            }
        }

        return written;
    }

    /// <summary>The circuit is up and the page's data has loaded (network quiet, tiles and all).</summary>
    private static async Task ReadyAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForFunctionAsync("() => !document.querySelector('script[src*=\"blazor.web\"]') || document.querySelector('[data-circuit-ready]')");
        await page.WaitForTimeoutAsync(1500);
    }
}
