using System.Net;
using System.Text.RegularExpressions;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.StaffConsole;

/// <summary>
/// Several nodes on one database: a console session started on one node is valid on another,
/// because the data-protection key ring lives in PostgreSQL, not in one node's memory.
/// </summary>
public sealed partial class ConsoleSessionAcrossNodesTests(CivicAppFactory first) : IClassFixture<CivicAppFactory>
{
    [Fact]
    public async Task SessionFromOneNode_IsAcceptedByAnother()
    {
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        var a = first.CreateClient(options);
        var form = await a.GetAsync("/console/signin");
        var antiforgeryCookie = CookiePair(form);
        var token = TokenField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;

        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/console/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["role"] = "staff",
                ["department"] = "roads",
                ["name"] = "Robin Roads",
                ["returnUrl"] = "/console/account",
                ["__RequestVerificationToken"] = token,
            }),
        };
        signIn.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await a.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = CookiePair(signedIn);

        await using var second = new SecondNode(first);
        var b = second.CreateClient(options);
        using var account = new HttpRequestMessage(HttpMethod.Get, "/console/account");
        account.Headers.Add("Cookie", session);
        var page = await b.SendAsync(account);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Robin Roads", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Two nodes on one machine could also share a key folder in the home directory; nodes in
        // separate containers share only the database, so the key must be there.
        await using var db = first.CreateDbContext();
        Assert.True(await db.DataProtectionKeys.AnyAsync());
    }

    private static string CookiePair(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private sealed class SecondNode(CivicAppFactory first) : CivicAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Civic", first.Database.ConnectionString);
        }
    }
}
