using CivicConnect.Core.Security;
using CivicConnect.Integration.Tests.Browser;

namespace CivicConnect.Integration.Tests.StaffConsole;

/// <summary>
/// WCAG 2.1 AA: axe-core finds no serious or critical violation on any console page, in English
/// and in French, signed in as the role that uses the page.
/// </summary>
public sealed class ConsoleAccessibilityTests(ConsoleFixture app) : IClassFixture<ConsoleFixture>
{
    public static TheoryData<string, string, string?> Pages => new()
    {
        { "/console/queue", CivicRoles.Supervisor, null },
        { "/console/map", CivicRoles.Supervisor, null },
        { "/console/dashboard", CivicRoles.Supervisor, null },
        { "/console/handoffs", CivicRoles.Agent, null },
        { "/console/classifier", CivicRoles.Supervisor, null },
        { "/console/routing", CivicRoles.Supervisor, null },
        { "/console/outbox", CivicRoles.Supervisor, null },
        { "/console/field", CivicRoles.FieldWorker, "ROADS" },
        { "/console/account", CivicRoles.Staff, "ROADS" },
        { "/console/forbidden", CivicRoles.Staff, "ROADS" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoSeriousOrCriticalViolations(string path, string role, string? department)
    {
        foreach (var locale in new[] { "en-CA", "fr-CA" })
        {
            // A browser in French gets the console in French (Accept-Language) until the person switches.
            var console = await app.SignInAsync(role, department, path: path, locale: locale);
            Assert.Equal(locale[..2], await console.Page.Locator("html").GetAttributeAsync("lang"));

            var violations = await console.SeriousAccessibilityViolationsAsync();
            Assert.True(violations.Count == 0, $"{path} ({locale}):\n{string.Join("\n", violations)}");
            Assert.True(console.Problems.Count == 0, $"{path} ({locale}):\n{string.Join("\n", console.Problems)}");
            await console.Page.Context.CloseAsync();
        }
    }
}
