using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Open311;
using CivicConnect.Workflow.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace CivicConnect.Integration.Tests.Escalation;

/// <summary>
/// A finishing transition removes the issue's deadline and reminder from the Quartz store once it
/// has committed; a transition that loses a race (409) leaves them where they were. The jobs are
/// looked up in the store itself, through the node's scheduler.
/// </summary>
public sealed class EscalationCancellationTests(CivicAppFactory app) : IClassFixture<CivicAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Resolve_Committed_RemovesTheIssuesPendingJobs()
    {
        var (id, reference) = await SubmitAssignedPotholeAsync();
        Assert.Equal((true, true), await JobsAsync(reference));

        var response = await Supervisor().PostAsJsonAsync($"/api/issues/{id}/transitions", new { trigger = "Resolve", resolutionNote = "Patched" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((false, false), await JobsAsync(reference));
    }

    [Fact]
    public async Task Resolve_LosesAConcurrentUpdate_Is409AndLeavesTheJobs()
    {
        var (id, reference) = await SubmitAssignedPotholeAsync();
        Assert.Equal((true, true), await JobsAsync(reference));

        // Another writer holds the issue row: the transition reads the old version, its update waits
        // on the lock, and once the other writer commits it finds the row changed (xmin) and loses.
        await using var other = new NpgsqlConnection(app.Database.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var touch = new NpgsqlCommand("UPDATE issues SET updated_at = updated_at WHERE id = @id", other, transaction))
        {
            touch.Parameters.AddWithValue("id", id);
            Assert.Equal(1, await touch.ExecuteNonQueryAsync());
        }

        var resolving = Supervisor().PostAsJsonAsync($"/api/issues/{id}/transitions", new { trigger = "Resolve", resolutionNote = "Patched" });
        await WaitForBlockedUpdateAsync(resolving);
        await transaction.CommitAsync();
        var response = await resolving;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(IssueStatus.Assigned, (await db.Issues.AsNoTracking().SingleAsync(i => i.Id == id)).Status);
        Assert.Equal((true, true), await JobsAsync(reference));
    }

    private HttpClient Supervisor() => app.CreateClientAs(CivicRoles.Supervisor);

    /// <returns>Whether the deadline and the reminder job are in the store.</returns>
    private async Task<(bool Deadline, bool Reminder)> JobsAsync(int reference)
    {
        var scheduler = await app.Services.GetRequiredKeyedService<ISchedulerFactory>(EscalationJobs.SchedulerName).GetScheduler();
        return (await scheduler.GetJobDetail(EscalationJobs.Deadline(reference)) is not null, await scheduler.GetJobDetail(EscalationJobs.Reminder(reference)) is not null);
    }

    private async Task<(long Id, int Reference)> SubmitAssignedPotholeAsync()
    {
        var response = await Open311Client.PostAsync(app.CreateClient(), "json", [("api_key", "dev-open311-key"), .. Open311Client.Pothole().Where(f => f.Name != "api_key")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonElement>())[0];
        var reference = int.Parse(created.GetProperty("service_request_id").GetString()!, CultureInfo.InvariantCulture);
        await using var db = app.CreateDbContext();
        var id = await db.Issues.Where(i => i.ReferenceNumber == reference).Select(i => i.Id).SingleAsync();
        await db.Issues.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, IssueStatus.Assigned).SetProperty(i => i.AssignedTo, "crew 7"));
        return (id, reference);
    }

    /// <summary>
    /// Until a session of this database waits for a row lock (bounded; fails if the request ended first).
    /// Asked on a connection of its own: pg_stat_activity is a snapshot per transaction.
    /// </summary>
    private async Task WaitForBlockedUpdateAsync(Task<HttpResponseMessage> request)
    {
        await using var observer = new NpgsqlConnection(app.Database.ConnectionString);
        await observer.OpenAsync();
        var until = TimeProvider.System.GetUtcNow() + Patience;
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", observer);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            Assert.False(request.IsCompleted, $"The transition finished without waiting for the row lock: {(request.IsCompletedSuccessfully ? request.Result.StatusCode : request.Status)}");
            Assert.True(TimeProvider.System.GetUtcNow() < until, "The transition never waited for the row lock.");
            await Task.Delay(50);
        }
    }
}
