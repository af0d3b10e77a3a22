using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Core.Issues;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Open311;
using CivicConnect.Workflow.Escalation;
using CivicConnect.Workflow.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CivicConnect.Integration.Tests.Escalation;

/// <summary>
/// Real deadlines in the clustered Quartz store: two nodes on one database, a 4-second SLA. Waits
/// are bounded (a deadline that has not escalated 30 s after it passed fails the test).
/// </summary>
public sealed class EscalationTests(EscalationTests.Cluster app) : IClassFixture<EscalationTests.Cluster>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The first node (the fixture itself) and a second one on its database.</summary>
    public sealed class Cluster : EscalationAppFactory
    {
        private SecondEscalationNode? second;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var rules = $$"""
            { "rules": { "rules": [ { "name": "Fast potholes", "match": { "categories": ["pothole"] },
              "then": { "slaHours": {{EscalationAppFactory.SlaHours.ToString(CultureInfo.InvariantCulture)}}, "alert": ["https://roads.example.org/hooks/311", "roads-lead@calgary.example"] } } ] } }
            """;
            var response = await this.CreateClientAs(CivicRoles.Supervisor).PutAsync("/admin/routing", new StringContent(rules, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            // Start the second node: both schedulers now share the job store.
            second = new SecondEscalationNode(this);
            _ = second.Server;
        }

        public override async Task DisposeAsync()
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            await base.DisposeAsync();
        }
    }

    [Fact]
    public async Task Deadline_PassesUnresolved_EscalatesExactlyOnceAcrossTwoNodesAndAlerts()
    {
        var reference = await SubmitPotholeAsync();

        var issue = await WaitForAsync(reference, i => i.EscalationLevel > 0);
        // Give the other node every chance to fire it a second time.
        await Task.Delay(TimeSpan.FromSeconds(5));

        await using var db = app.CreateDbContext();
        issue = await db.Issues.AsNoTracking().Include(i => i.Events).SingleAsync(i => i.ReferenceNumber == reference);
        Assert.Equal(1, issue.EscalationLevel);
        Assert.Equal(Priority.High, issue.Priority);
        var escalation = Assert.Single(issue.Events, e => e.Actor == "escalation");
        Assert.Contains("escalated to level 1", escalation.Comment, StringComparison.Ordinal);
        // The payload is a jsonb column (no LIKE on it): staff alerts are few, so their text is matched here.
        var staffAlerts = await db.OutboxMessages.AsNoTracking().Where(m => m.Channel == "mail" || m.Channel == "webhook").ToListAsync();
        var alerts = staffAlerts.Where(m => m.Payload.Contains("#" + reference.ToString(CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [("mail", "roads-dispatch@calgary.example"), ("webhook", "https://roads.example.org/hooks/311"), ("mail", "roads-lead@calgary.example")],
            alerts.Where(a => a.Payload.Contains("Escalation level 1", StringComparison.Ordinal)).OrderBy(a => a.Id).Select(a => (a.Channel, a.Address)));
    }

    [Fact]
    public async Task Deadline_IssueRejectedFirst_NeverEscalates()
    {
        // "First" must not depend on the machine's speed: on a busy machine the 4-second deadline can
        // fire between the reject's read and its write (the reject then loses with a 409, as designed).
        // The escalation triggers stand still (in the shared store, so on both nodes) until it is rejected.
        var scheduler = await app.Services.GetRequiredKeyedService<ISchedulerFactory>(EscalationJobs.SchedulerName).GetScheduler();
        var triggers = GroupMatcher<TriggerKey>.GroupEquals(EscalationJobs.Group);
        await scheduler.PauseTriggerGroups(triggers);
        int reference;
        try
        {
            reference = await SubmitPotholeAsync();
            await using var scope = app.Services.CreateAsyncScope();
            await using var db = app.CreateDbContext();
            var id = await db.Issues.Where(i => i.ReferenceNumber == reference).Select(i => i.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<IssueTransitions>().FireAsync(
                id, IssueTrigger.Reject, new TransitionData { Reason = "Private property" }, new IssueActor("Sam", ActorKind.Supervisor), CancellationToken.None);
        }
        finally
        {
            await scheduler.ResumeTriggerGroups(triggers);
        }

        // The committed reject removed the deadline and the reminder.
        Assert.Null(await scheduler.GetJobDetail(EscalationJobs.Deadline(reference)));
        Assert.Null(await scheduler.GetJobDetail(EscalationJobs.Reminder(reference)));

        // Past the deadline, and past the time the first test needed to see an escalation.
        await Task.Delay(TimeSpan.FromSeconds(12));

        await using var check = app.CreateDbContext();
        var issue = await check.Issues.AsNoTracking().SingleAsync(i => i.ReferenceNumber == reference);
        Assert.Equal(IssueStatus.Rejected, issue.Status);
        Assert.Equal(0, issue.EscalationLevel);
    }

    private async Task<int> SubmitPotholeAsync()
    {
        var response = await Open311Client.PostAsync(app.CreateClient(), "json", [("api_key", "dev-open311-key"), .. Open311Client.Pothole().Where(f => f.Name != "api_key")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonElement>())[0];
        return int.Parse(created.GetProperty("service_request_id").GetString()!, CultureInfo.InvariantCulture);
    }

    private async Task<Issue> WaitForAsync(int reference, Func<Issue, bool> condition)
    {
        var until = TimeProvider.System.GetUtcNow() + Patience;
        while (true)
        {
            await using var db = app.CreateDbContext();
            var issue = await db.Issues.AsNoTracking().SingleAsync(i => i.ReferenceNumber == reference);
            if (condition(issue))
            {
                return issue;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < until, $"Issue {reference} did not escalate within {Patience.TotalSeconds} s of its deadline.");
            await Task.Delay(250);
        }
    }
}
