using System.Net;
using System.Net.Sockets;
using CivicConnect.Integration.Tests.Browser;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CivicConnect.Integration.Tests.Map;

/// <summary>
/// The real server on a loopback port with open reports in three categories, and one headless
/// Chromium. Base tiles point at a closed port on 127.0.0.1, as on an offline install: the map
/// must still draw wards and reports. Until the shared console fixture lands, it signs in through
/// the development sign-in page itself.
/// </summary>
public sealed class MapBrowserFixture : CivicAppFactory
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public MapBrowserFixture()
    {
        Settings["Console:Map:TileUrl"] = $"http://127.0.0.1:{ClosedPort()}/{{z}}/{{x}}/{{y}}.png";
        Settings["Console:Map:Attribution"] = "Test tiles (unreachable)";
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Uncaught script errors in any page of the class (none expected; failing tiles are not script errors).</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> Errors { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = CreateDbContext())
        {
            // Near City Hall: three potholes and a graffiti; in Sunalta a streetlight; in Bridgeland a water leak.
            await MapRows.InsertAsync(db, "pothole", 51.0453, -114.0581);
            await MapRows.InsertAsync(db, "pothole", 51.0454, -114.0581);
            await MapRows.InsertAsync(db, "pothole", 51.0453, -114.0580);
            await MapRows.InsertAsync(db, "graffiti", 51.0454, -114.0580);
            await MapRows.InsertAsync(db, "streetlight", 51.0440, -114.1000);
            await MapRows.InsertAsync(db, "water-leak", 51.0530, -114.0400);
        }

        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.First());

        // A map loads Leaflet, queries the wards and reports, then draws: on a busy 2-core machine that
        // can take longer than Playwright's 5 s default for expectations.
        Assertions.SetDefaultExpectTimeout(WebChatPage.StepTimeoutMs);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = WebChatFixture.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            Timeout = WebChatPage.StepTimeoutMs,
        });
    }

    /// <summary>A fresh browser context signed in through the development sign-in page, on <paramref name="path"/>.</summary>
    public async Task<IPage> SignInAsync(string role, string? department, string path)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "en-CA",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(WebChatPage.StepTimeoutMs);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => Errors.Add($"uncaught error: {error}");
        await page.GotoAsync($"console/signin?returnUrl={Uri.EscapeDataString(path)}");
        await page.SelectOptionAsync("#signin-role", role);
        if (department is not null)
        {
            await page.FillAsync("#signin-department", department);
        }

        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
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
    }

    /// <summary>A port nothing listens on: bound, read, released.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
