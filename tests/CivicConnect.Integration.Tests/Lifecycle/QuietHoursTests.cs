using System.Net;
using System.Net.Http.Json;
using CivicConnect.Core.Issues;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Twilio;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Lifecycle;

/// <summary>Quiet hours on the injected clock: 21:00–08:00 Calgary time by default (the class moves its clock forward only).</summary>
public sealed class QuietHoursTests(QuietHoursTests.App app) : IClassFixture<QuietHoursTests.App>
{
    public sealed class App : TwilioAppFactory
    {
        public App() => Settings["Auth:DevSigningKey"] = "a-test-signing-key-that-is-long-enough-0123456789";
    }

    [Fact]
    public async Task AtNight_ANotificationWaitsForEightInTheMorning_WhileRepliesAndUrgentNewsGoOut()
    {
        // 2026-11-26 05:00 UTC is 22:00 on the 25th in Calgary (MST, UTC-7).
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero));
        var (written, phone) = TwilioAppFactory.NewCitizen();
        var (_, urgentPhone) = TwilioAppFactory.NewCitizen();
        var issue = await IssueForAsync(phone, Priority.Normal);
        var urgent = await IssueForAsync(urgentPhone, Priority.Urgent);

        await FireOk(issue.Id, new { trigger = "Triage" });
        await FireOk(urgent.Id, new { trigger = "Triage" });
        await new TwilioWebhook(app).SendOk(TwilioWebhook.Sms(written, "hi"));
        await app.DrainOutboxAsync();

        await using (var db = app.CreateDbContext())
        {
            var held = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Address == phone && m.Kind == "notification");
            Assert.Equal(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero), held.NotBefore);
            Assert.Equal(OutboxStatus.Pending, held.Status);
        }

        var night = app.SentTo(phone);
        Assert.Single(night);
        Assert.DoesNotContain("reviewed", night[0]["Body"], StringComparison.Ordinal);
        Assert.Contains("reviewed", Assert.Single(app.SentTo(urgentPhone))["Body"], StringComparison.Ordinal);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 14, 59, 0, TimeSpan.Zero));
        await app.DrainOutboxAsync();
        Assert.Single(app.SentTo(phone));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));
        await app.DrainOutboxAsync();
        var morning = app.SentTo(phone);
        Assert.Equal(2, morning.Count);
        Assert.Contains("reviewed", morning[1]["Body"], StringComparison.Ordinal);
    }

    private async Task FireOk(long issueId, object body)
    {
        var response = await app.CreateClientAs(CivicRoles.Staff, "roads", "Dana").PostAsJsonAsync($"/api/issues/{issueId}/transitions", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<Issue> IssueForAsync(string phone, Priority priority)
    {
        await using var db = app.CreateDbContext();
        var conversation = await LifecycleData.ConversationAsync(db, "sms", phone);
        return await LifecycleData.IssueAsync(db, "night " + phone, reporter: conversation.Id, priority: priority);
    }
}
