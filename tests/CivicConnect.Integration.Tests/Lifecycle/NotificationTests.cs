using System.Net;
using System.Net.Http.Json;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Data;
using CivicConnect.Integration.Tests.Twilio;
using CivicConnect.Workflow.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Integration.Tests.Lifecycle;

/// <summary>Status changes reach citizens through the real outbox and Twilio sender (Twilio's API is WireMock).</summary>
public sealed class NotificationTests(NotificationTests.App app) : IClassFixture<NotificationTests.App>
{
    public sealed class App : TwilioAppFactory
    {
        public App() => Settings["Auth:DevSigningKey"] = "a-test-signing-key-that-is-long-enough-0123456789";
    }

    [Fact]
    public async Task Resolved_ForAFrenchSmsCitizen_ArrivesAtTwilioInFrenchWithTheNoteAndNotFixedHint()
    {
        var (_, phone) = TwilioAppFactory.NewCitizen();
        var issue = await IssueForAsync(phone, "fr", IssueStatus.InProgress);

        await FireOk(issue.Id, new { trigger = "Resolve", resolutionNote = "Nid-de-poule rebouché." });
        await app.DrainOutboxAsync();

        var sms = Assert.Single(app.SentTo(phone));
        Assert.Equal(TwilioAppFactory.CityNumber, sms["From"]);
        Assert.Equal($"311 Calgary : le signalement n° {issue.ReferenceNumber} est réglé : Nid-de-poule rebouché. Répondez PAS RÉGLÉ si ce n'est pas le cas.", sms["Body"]);
    }

    [Fact]
    public async Task EachCitizenFacingTransition_SendsItsMessage_InEnglish()
    {
        var (_, phone) = TwilioAppFactory.NewCitizen();
        var issue = await IssueForAsync(phone, "en", IssueStatus.Received);

        await FireOk(issue.Id, new { trigger = "Triage" });
        await FireOk(issue.Id, new { trigger = "Assign", assignee = "crew 4" });
        await FireOk(issue.Id, new { trigger = "Start" });
        await FireOk(issue.Id, new { trigger = "Resolve", resolutionNote = "Filled." });
        await app.DrainOutboxAsync();

        var bodies = app.SentTo(phone).Select(m => m["Body"]).ToList();
        Assert.Equal(
            [
                $"Calgary 311: report #{issue.ReferenceNumber} has been reviewed and will be assigned to a crew.",
                $"Calgary 311: report #{issue.ReferenceNumber} is assigned to a crew.",
                $"Calgary 311: report #{issue.ReferenceNumber} is resolved: Filled. Reply NOT FIXED if it isn't.",
            ],
            bodies);
    }

    [Fact]
    public async Task Rejected_TellsTheReason()
    {
        var (_, phone) = TwilioAppFactory.NewCitizen();
        var issue = await IssueForAsync(phone, "en", IssueStatus.Triaged);

        await FireOk(issue.Id, new { trigger = "Reject", reason = "This lane is private property." });
        await app.DrainOutboxAsync();

        Assert.Equal($"Calgary 311: report #{issue.ReferenceNumber} was not accepted: This lane is private property.", Assert.Single(app.SentTo(phone))["Body"]);
    }

    [Fact]
    public async Task OptedOutOrAnonymousCitizens_GetNothing()
    {
        var (_, stopped) = TwilioAppFactory.NewCitizen();
        var (_, anonymous) = TwilioAppFactory.NewCitizen();
        var optedOut = await IssueForAsync(stopped, "en", IssueStatus.Received, optedOut: true);
        var quiet = await IssueForAsync(anonymous, "en", IssueStatus.Received, anonymous: true);

        await FireOk(optedOut.Id, new { trigger = "Triage" });
        await FireOk(quiet.Id, new { trigger = "Triage" });
        await app.DrainOutboxAsync();

        Assert.Empty(app.SentTo(stopped));
        Assert.Empty(app.SentTo(anonymous));
        await using var db = app.CreateDbContext();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Address == stopped || m.Address == anonymous));
    }

    [Fact]
    public async Task MarkDuplicate_TellsItsFollowers_WhoThenHearWhenTheOriginalIsResolved()
    {
        var (_, first) = TwilioAppFactory.NewCitizen();
        var (_, second) = TwilioAppFactory.NewCitizen();
        var (_, joined) = TwilioAppFactory.NewCitizen();
        var original = await IssueForAsync(first, "en", IssueStatus.Assigned);
        var duplicate = await IssueForAsync(second, "en", IssueStatus.Received);
        await using (var db = app.CreateDbContext())
        {
            var joiner = await LifecycleData.ConversationAsync(db, "sms", joined, "fr");
            await LifecycleData.SubscribeAsync(db, duplicate.Id, joiner.Id);
        }

        await FireOk(duplicate.Id, new { trigger = "MarkDuplicate", duplicateOfReference = original.ReferenceNumber });
        await FireOk(original.Id, new { trigger = "Resolve", resolutionNote = "Filled." });
        await app.DrainOutboxAsync();

        Assert.Equal($"Calgary 311: report #{duplicate.ReferenceNumber} is the same problem as report #{original.ReferenceNumber}. We'll keep you posted on #{original.ReferenceNumber}.", app.SentTo(second)[0]["Body"]);
        Assert.StartsWith($"311 Calgary : le signalement n° {duplicate.ReferenceNumber} concerne le même problème", app.SentTo(joined)[0]["Body"], StringComparison.Ordinal);
        foreach (var phone in new[] { first, second, joined })
        {
            Assert.Contains(app.SentTo(phone), m => m["Body"].Contains($"{original.ReferenceNumber}", StringComparison.Ordinal) && m["Body"].Contains("Filled.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ATransitionThatFails_WritesNoNotification()
    {
        var (_, phone) = TwilioAppFactory.NewCitizen();
        var issue = await IssueForAsync(phone, "en", IssueStatus.InProgress);

        var response = await Staff().PostAsJsonAsync($"/api/issues/{issue.Id}/transitions", new { trigger = "Resolve" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Address == phone));
    }

    [Fact]
    public async Task ACitizenJoiningInTheSameUnitOfWork_IsToldWithTheReporter_EachOnce()
    {
        var (_, reporter) = TwilioAppFactory.NewCitizen();
        var (_, joining) = TwilioAppFactory.NewCitizen();
        var issue = await IssueForAsync(reporter, "en", IssueStatus.Received);
        Guid joiner;
        await using (var db = app.CreateDbContext())
        {
            joiner = (await LifecycleData.ConversationAsync(db, "sms", joining, "en")).Id;
        }

        // Not saved yet when the notifier looks: it must find the new follower next to the saved reporter, and the
        // reporter added again in the same unit of work must still be told once.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivicDbContext>();
            var tracked = await db.Issues.SingleAsync(i => i.Id == issue.Id);
            var now = app.Clock.GetUtcNow();
            db.IssueSubscribers.Add(new IssueSubscriber { IssueId = issue.Id, ConversationId = joiner, Kind = SubscriberKind.Joined, CreatedAt = now });
            var told = await scope.ServiceProvider.GetRequiredService<CitizenNotifier>().NotifyAsync(tracked, "notify_triaged", [], CancellationToken.None);
            Assert.Equal(2, told);
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivicDbContext>();
            var tracked = await db.Issues.SingleAsync(i => i.Id == issue.Id);
            db.IssueSubscribers.Add(new IssueSubscriber { IssueId = issue.Id, ConversationId = tracked.ReporterConversationId!.Value, Kind = SubscriberKind.Joined, CreatedAt = app.Clock.GetUtcNow() });
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<CitizenNotifier>().NotifyAsync(tracked, "notify_triaged", [], CancellationToken.None));
        }

        await app.DrainOutboxAsync();
        Assert.Equal($"Calgary 311: report #{issue.ReferenceNumber} has been reviewed and will be assigned to a crew.", Assert.Single(app.SentTo(reporter))["Body"]);
        Assert.Single(app.SentTo(joining));
    }

    private HttpClient Staff() => app.CreateClientAs(CivicRoles.Staff, "roads", "Dana");

    private async Task FireOk(long issueId, object body)
    {
        var response = await Staff().PostAsJsonAsync($"/api/issues/{issueId}/transitions", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<Issue> IssueForAsync(string phone, string locale, IssueStatus status, bool optedOut = false, bool anonymous = false)
    {
        await using var db = app.CreateDbContext();
        var conversation = await LifecycleData.ConversationAsync(db, "sms", phone, locale, optedOut);
        return await LifecycleData.IssueAsync(db, "pothole " + phone, status: status, reporter: conversation.Id, anonymous: anonymous);
    }
}
