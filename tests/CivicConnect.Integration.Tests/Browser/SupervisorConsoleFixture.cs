using System.Net;
using CivicConnect.Integration.Tests.Admin;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CivicConnect.Integration.Tests.Browser;

/// <summary>
/// The real server on a loopback port with the small labelled set for the publish gate (so an
/// evaluation takes seconds), and one headless Chromium; each test signs in through the
/// development sign-in page in its own browser context.
/// (When the shared console fixture lands, these tests can move onto it.)
/// </summary>
public sealed class SupervisorConsoleFixture : CivicAppFactory
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public SupervisorConsoleFixture() => Settings["Classifier:PublishGate:EvaluationSet"] = ClassifierPublishGateTests.GateSet;

    public Uri BaseAddress { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = WebChatFixture.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            Timeout = WebChatPage.StepTimeoutMs,
        });
    }

    /// <summary>A fresh context signed in as a supervisor, showing <paramref name="path"/> once the page is interactive.</summary>
    public async Task<IPage> SignInAsync(string name, string path)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "en-CA", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("console/signin?returnUrl=" + Uri.EscapeDataString("/" + path));
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("supervisor");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains(path, StringComparison.Ordinal));

        // Interactive server rendering: handlers work once the circuit is up.
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-testid]') !== null");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
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
}
