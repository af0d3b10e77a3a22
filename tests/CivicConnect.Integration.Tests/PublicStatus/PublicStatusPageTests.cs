using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CivicConnect.Core.Security;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Privacy;
using CivicConnect.Integration.Tests.Twilio;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.PublicStatus;

/// <summary>
/// The public status page: linked from the citizen's notification, showing status, public history
/// and ward in their language; no reporter, no words of theirs; closed without the report's key.
/// </summary>
public sealed partial class PublicStatusPageTests(PublicStatusPageTests.Factory app) : IClassFixture<PublicStatusPageTests.Factory>
{
    private readonly TwilioWebhook twilio = new(app);

    [Fact]
    public async Task ResolvedReport_NotificationLinksToItsStatusPage_WhichShowsNoPersonalData()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        var reference = await SmsReports.FileWithPhotoAsync(app, twilio, written, e164, "There is a big pothole, call me at 403 555 0199");
        long id;
        await using (var db = app.CreateDbContext())
        {
            id = await db.Issues.Where(i => i.ReferenceNumber == reference).Select(i => i.Id).SingleAsync();
        }

        var supervisor = app.CreateClientAs(CivicRoles.Supervisor);
        foreach (var transition in new object[] { new { trigger = "Assign", assignee = "crew 4" }, new { trigger = "Resolve", resolutionNote = "Patched" } })
        {
            Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"/api/issues/{id}/transitions", transition)).StatusCode);
        }

        await app.DrainOutboxAsync();

        var notice = app.SentTo(e164).Select(m => m["Body"]).Last(b => b.Contains($"#{reference}", StringComparison.Ordinal));
        var link = LinkPattern().Match(notice);
        Assert.True(link.Success, notice);
        var page = await app.CreateClient().GetAsync(new Uri(link.Value).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"Report #{reference}: Pothole", html, StringComparison.Ordinal);
        Assert.Contains("Status: resolved", html, StringComparison.Ordinal);
        Assert.Contains("Ward: ", html, StringComparison.Ordinal);
        Assert.Contains("id=\"map\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("555", html, StringComparison.Ordinal);
        Assert.DoesNotContain("big pothole", html, StringComparison.Ordinal);
        Assert.DoesNotContain(e164, html, StringComparison.Ordinal);

        var french = await (await app.CreateClient().GetAsync(new Uri(link.Value).PathAndQuery + "&lang=fr")).Content.ReadAsStringAsync();
        Assert.Contains($"Signalement no {reference}", french, StringComparison.Ordinal);
        Assert.Contains("lang=\"fr\"", french, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?k=")]
    [InlineData("?k=00000000000000000000000000000000")]
    public async Task WithoutTheReportsKey_ThePageIsNotFound_LikeAReportThatDoesNotExist(string query)
    {
        int reference;
        await using (var db = app.CreateDbContext())
        {
            reference = await db.Issues.Select(i => i.ReferenceNumber).FirstOrDefaultAsync();
        }

        var page = await app.CreateClient().GetAsync($"/r/{reference}{query}");
        var missing = await app.CreateClient().GetAsync("/r/99999999?k=00000000000000000000000000000000");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await page.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"https://311\.example\.org/r/\d+\?k=[0-9a-f]{32}")]
    private static partial Regex LinkPattern();

    public sealed class Factory : TwilioAppFactory
    {
        public Factory() => Settings["Notifications:StatusPageBaseUrl"] = "https://311.example.org";
    }
}
