using CivicConnect.Core.Security;
using CivicConnect.Integration.Tests.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicConnect.Integration.Tests.StaffConsole;

/// <summary>The development sign-in, the session, the language switch and the 403 page, in Chromium.</summary>
public sealed class ConsoleSignInTests(ConsoleFixture app) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task Anonymous_ConsoleSendsToSignIn_ThenBackToTheAskedPage()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("console/account");

        Assert.Contains("/console/signin", page.Url, StringComparison.Ordinal);
        await page.Locator("#signin-role").SelectOptionAsync(CivicRoles.Staff);
        await page.Locator("#signin-department").FillAsync("roads");
        await page.Locator("#signin-name").FillAsync("Dana Roads");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/account$"));
        await Expect(page.GetByTestId("account-name")).ToHaveTextAsync("Dana Roads");
        await Expect(page.GetByTestId("account-roles")).ToHaveTextAsync("Staff");
        await Expect(page.GetByTestId("account-department")).ToHaveTextAsync("ROADS");
        await context.CloseAsync();
    }

    [Fact]
    public async Task SignedIn_SwitchesToFrench_AndSignsOut()
    {
        var console = await app.SignInAsync(CivicRoles.Supervisor, name: "Sam Sup", path: "/console/account");

        await Expect(console.Page.GetByRole(AriaRole.Heading, new() { Name = "Your account" })).ToBeVisibleAsync();
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Français — afficher la console en français" }).ClickAsync();
        await Expect(console.Page.GetByRole(AriaRole.Heading, new() { Name = "Votre compte" })).ToBeVisibleAsync();
        Assert.Equal("fr", await console.Page.Locator("html").GetAttributeAsync("lang"));

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Expect(console.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/signin"));
        Assert.True(console.Problems.Count == 0, string.Join("\n", console.Problems));
    }

    [Fact]
    public async Task SignInAndAccountPages_HaveNoSeriousAccessibilityViolations()
    {
        var console = await app.SignInAsync(CivicRoles.Agent, path: "/console/account");
        Assert.Empty(await console.SeriousAccessibilityViolationsAsync());

        var anonymous = new ConsolePage(await (await app.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() })).NewPageAsync());
        await anonymous.Page.GotoAsync("console/signin");
        Assert.Empty(await anonymous.SeriousAccessibilityViolationsAsync());
    }
}
