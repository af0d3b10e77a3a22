using System.Net;
using System.Net.Http.Json;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Twilio;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Lifecycle;

/// <summary>Citizens answering back over SMS: "NOT FIXED" reopens within 7 days; the satisfaction answer after Closed.</summary>
public sealed class NotFixedTests(NotFixedTests.App app) : IClassFixture<NotFixedTests.App>
{
    private readonly TwilioWebhook twilio = new(app);

    public sealed class App : TwilioAppFactory
    {
        public App() => Settings["Auth:DevSigningKey"] = "a-test-signing-key-that-is-long-enough-0123456789";
    }

    [Fact]
    public async Task NotFixed_TwoDaysAfterResolution_ReopensTheIssue()
    {
        var (written, phone) = TwilioAppFactory.NewCitizen();
        var issue = await ResolvedIssueAsync(phone, "en", TimeSpan.FromDays(2));

        await twilio.SendOk(TwilioWebhook.Sms(written, "NOT FIXED"));
        await app.DrainOutboxAsync();

        Assert.Equal($"Sorry about that. Report #{issue.ReferenceNumber} is reopened and back with the crew.", Assert.Single(app.SentTo(phone))["Body"]);
        await using var db = app.CreateDbContext();
        Assert.Equal(IssueStatus.Reopened, (await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issue.Id)).Status);
        var line = await db.IssueEvents.AsNoTracking().SingleAsync(e => e.IssueId == issue.Id && e.ToStatus == IssueStatus.Reopened);
        Assert.Equal(("citizen via sms", IssueStatus.Resolved), (line.Actor, line.FromStatus!.Value));
    }

    [Fact]
    public async Task PasRegle_InFrench_WithTheReference_Reopens()
    {
        var (written, phone) = TwilioAppFactory.NewCitizen();
        var issue = await ResolvedIssueAsync(phone, "fr", TimeSpan.FromDays(6));

        await twilio.SendOk(TwilioWebhook.Sms(written, $"Pas réglé {issue.ReferenceNumber}"));
        await app.DrainOutboxAsync();

        Assert.Equal($"Désolé. Le signalement n° {issue.ReferenceNumber} est rouvert et retourne à l'équipe.", Assert.Single(app.SentTo(phone))["Body"]);
        await using var db = app.CreateDbContext();
        Assert.Equal(IssueStatus.Reopened, (await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issue.Id)).Status);
    }

    [Fact]
    public async Task NotFixed_EightDaysAfterResolution_ExplainsAndOffersANewReport()
    {
        var (written, phone) = TwilioAppFactory.NewCitizen();
        var issue = await ResolvedIssueAsync(phone, "en", TimeSpan.FromDays(8));

        await twilio.SendOk(TwilioWebhook.Sms(written, "still broken"));
        await app.DrainOutboxAsync();

        Assert.Equal($"Report #{issue.ReferenceNumber} was resolved more than 7 days ago, so I can't reopen it. Tell me what's wrong and I'll start a new report.", Assert.Single(app.SentTo(phone))["Body"]);
        await using var db = app.CreateDbContext();
        Assert.Equal(IssueStatus.Resolved, (await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issue.Id)).Status);
    }

    [Fact]
    public async Task NotFixed_FromSomeoneWithNoResolvedIssue_ChangesNothing()
    {
        var (written, phone) = TwilioAppFactory.NewCitizen();
        var (_, owner) = TwilioAppFactory.NewCitizen();
        var issue = await ResolvedIssueAsync(owner, "en", TimeSpan.FromDays(1));

        await twilio.SendOk(TwilioWebhook.Sms(written, $"not fixed {issue.ReferenceNumber}"));
        await app.DrainOutboxAsync();

        Assert.StartsWith("I couldn't find a resolved report of yours", Assert.Single(app.SentTo(phone))["Body"], StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(IssueStatus.Resolved, (await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issue.Id)).Status);
    }

    [Fact]
    public async Task Closed_AsksOneSatisfactionQuestion_AndTheAnswerIsRecorded()
    {
        var (written, phone) = TwilioAppFactory.NewCitizen();
        var issue = await ResolvedIssueAsync(phone, "en", TimeSpan.FromDays(1));

        var close = await app.CreateClientAs(CivicRoles.Staff, "roads", "Dana").PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Close" });
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        await app.DrainOutboxAsync();
        Assert.Contains("How did we do? Reply 1 (poor) to 5 (great)", Assert.Single(app.SentTo(phone))["Body"], StringComparison.Ordinal);

        await twilio.SendOk(TwilioWebhook.Sms(written, "4"));
        await twilio.SendOk(TwilioWebhook.Sms(written, "2"));
        await app.DrainOutboxAsync();

        var replies = app.SentTo(phone).Select(m => m["Body"]).ToList();
        Assert.Equal($"Thanks for rating report #{issue.ReferenceNumber}!", replies[1]);
        Assert.DoesNotContain(replies.Skip(2), r => r.StartsWith("Thanks for rating", StringComparison.Ordinal));
        await using var db = app.CreateDbContext();
        var saved = await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issue.Id);
        Assert.Equal(4, saved.Satisfaction);
        Assert.Equal(1, await db.IssueEvents.CountAsync(e => e.IssueId == issue.Id && e.Kind == IssueEventKinds.Satisfaction));
    }

    private async Task<Issue> ResolvedIssueAsync(string phone, string locale, TimeSpan ago)
    {
        await using var db = app.CreateDbContext();
        var conversation = await LifecycleData.ConversationAsync(db, "sms", phone, locale);
        var now = app.Clock.GetUtcNow();
        return await LifecycleData.IssueAsync(db, "resolved " + phone, status: IssueStatus.Resolved, reporter: conversation.Id, configure: i =>
        {
            i.ResolvedAt = now - ago;
            i.ResolutionNote = "Filled.";
        });
    }
}
