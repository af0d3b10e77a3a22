using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Alerts;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Open311;
using CivicConnect.Messaging.Outbox;
using CivicConnect.Workflow.Escalation;
using CivicConnect.Workflow.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CivicConnect.Integration.Tests.Events;

/// <summary>
/// Report events end to end: subscribers added through the supervisor API, reports made through
/// Open311 (the real intake and routing), changed through the staff API and the Quartz deadline job,
/// and the outside systems stood in for by the WireMock receiver, which checks the CloudEvents wire
/// format and the signature as a receiver would. Each test uses subscriber paths of its own.
/// </summary>
public sealed class ReportEventTests(AlertAppFactory app) : IClassFixture<AlertAppFactory>
{
    private const string PersonalEmail = "jane.doe@example.com";
    private const string PersonalPhone = "403-555-0199";
    private const string ReporterName = "Jane";

    [Fact]
    public async Task EveryChange_ReachesTheDepartmentsAndTheAllDepartmentsSubscriber_AsSignedCloudEventsInOrder_AndNoOtherDepartment()
    {
        var roads = await SubscribeAsync("/events/roads", "Roads work orders", "ROADS");
        var all = await SubscribeAsync("/events/all", "City CRM", department: null);
        var parks = await SubscribeAsync("/events/parks", "Parks work orders", "PARKS");

        var reference = await ReportPotholeAsync($"Deep pothole, call me at {PersonalPhone} or {PersonalEmail}");
        var issueId = await IssueIdAsync(reference);
        var staff = app.CreateClientAs(CivicRoles.Supervisor);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/issues/{issueId}/transitions", new { trigger = "Triage" })).StatusCode);
        Assert.True((await staff.PostAsJsonAsync($"/api/issues/{issueId}/comments", new { text = "Crew booked, ring 403 555 0123", @public = true })).IsSuccessStatusCode);
        Assert.True((await staff.PostAsJsonAsync($"/api/issues/{issueId}/comments", new { text = "Internal: reporter is a councillor's neighbour", @public = false })).IsSuccessStatusCode);
        await RunDeadlineJobAsync(reference);
        await app.DrainOutboxAsync();

        var received = Received(roads, reference);
        Assert.Equal(
            ["ca.civicconnect.report.created.v1", "ca.civicconnect.report.transitioned.v1", "ca.civicconnect.report.commented.v1", "ca.civicconnect.report.commented.v1", "ca.civicconnect.report.escalated.v1"],
            received.Select(e => e.Event.GetProperty("type").GetString()));
        foreach (var (entry, cloudEvent) in received)
        {
            Assert.Equal("application/cloudevents+json", entry.RequestMessage.Headers!["Content-Type"].Single().Split(';')[0]);
            Assert.True(AlertAppFactory.IsSignedBody(entry.RequestMessage.BodyAsBytes!, entry.RequestMessage.Headers["X-Civic-Signature-256"].Single()), "the signature does not match the body");
            Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());

            // The CloudEvents SDK (as a .NET receiver would use it) reads it back as the same event.
            var decoded = ReportEventEncoding.Decode(entry.RequestMessage.BodyAsBytes!);
            Assert.Equal((cloudEvent.GetProperty("id").GetString(), cloudEvent.GetProperty("type").GetString()), (decoded.Id, decoded.Type));
            Assert.Equal("/civicconnect/calgary", cloudEvent.GetProperty("source").GetString());
            Assert.Equal(reference.ToString(CultureInfo.InvariantCulture), cloudEvent.GetProperty("subject").GetString());
            Assert.Equal("application/json", cloudEvent.GetProperty("datacontenttype").GetString());
            Assert.True(DateTimeOffset.TryParse(cloudEvent.GetProperty("time").GetString(), CultureInfo.InvariantCulture, out _), "time is not a timestamp");
            var data = cloudEvent.GetProperty("data");
            Assert.Equal(reference, data.GetProperty("reference").GetInt32());
            Assert.Equal("pothole", data.GetProperty("category").GetString());
            Assert.Equal("ROADS", data.GetProperty("department").GetString());
            Assert.Equal(51.0379, data.GetProperty("point").GetProperty("latitude").GetDouble(), 4);

            // No contact of the reporter anywhere in what leaves the city, and none quoted in the text.
            var body = entry.RequestMessage.Body!;
            Assert.DoesNotContain(PersonalEmail, body, StringComparison.Ordinal);
            // The numbers themselves, not "555" anywhere: an event id (a UUID) may hold those digits by chance.
            Assert.DoesNotContain("555-0199", body, StringComparison.Ordinal);
            Assert.DoesNotContain("555 0123", body, StringComparison.Ordinal);
            Assert.DoesNotContain("5550199", body, StringComparison.Ordinal);
            Assert.DoesNotContain(ReporterName, body, StringComparison.Ordinal);
            Assert.DoesNotContain("councillor", body, StringComparison.Ordinal);
            Assert.False(data.TryGetProperty("reporterEmail", out _));
        }

        var ids = received.Select(e => e.Event.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("Deep pothole, call me at [removed] or [removed]", received[0].Event.GetProperty("data").GetProperty("description").GetString());
        Assert.Equal("Received", received[0].Event.GetProperty("data").GetProperty("status").GetString());
        var transition = received[1].Event.GetProperty("data").GetProperty("transition");
        Assert.Equal(("Triage", "Received", "Triaged"), (transition.GetProperty("trigger").GetString(), transition.GetProperty("from").GetString(), transition.GetProperty("to").GetString()));
        Assert.Equal("Crew booked, ring [removed]", received[2].Event.GetProperty("data").GetProperty("comment").GetProperty("text").GetString());
        Assert.False(received[3].Event.GetProperty("data").GetProperty("comment").GetProperty("public").GetBoolean());
        Assert.False(received[3].Event.GetProperty("data").GetProperty("comment").TryGetProperty("text", out _));
        Assert.Equal(1, received[4].Event.GetProperty("data").GetProperty("escalationLevel").GetInt32());

        // The all-departments subscriber hears the same events (same ids); Parks hears nothing of a Roads report.
        Assert.Equal(ids, Received(all, reference).Select(e => e.Event.GetProperty("id").GetString()));
        Assert.Empty(Received(parks, reference));
    }

    [Fact]
    public async Task Reassigned_BothTheDepartmentItLeavesAndTheOneItJoinsHearIt()
    {
        var roads = await SubscribeAsync("/events/roads-handover", "Roads handover", "ROADS");
        var transportation = await SubscribeAsync("/events/transportation", "Transportation work orders", "TRANSPORTATION");
        var reference = await ReportPotholeAsync("Pothole that belongs to transportation");
        var issueId = await IssueIdAsync(reference);

        var response = await app.CreateClientAs(CivicRoles.Supervisor).PostAsJsonAsync($"/api/issues/{issueId}/assignment", new { department = "TRANSPORTATION" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await app.DrainOutboxAsync();

        Assert.Equal(["ca.civicconnect.report.created.v1", "ca.civicconnect.report.transitioned.v1"], Received(roads, reference).Select(e => e.Event.GetProperty("type").GetString()));
        var joined = Assert.Single(Received(transportation, reference));
        Assert.Equal("TRANSPORTATION", joined.Event.GetProperty("data").GetProperty("department").GetString());
        Assert.Equal(Received(roads, reference)[1].Event.GetProperty("id").GetString(), joined.Event.GetProperty("id").GetString());
    }

    [Fact]
    public async Task FailingSubscriber_IsRetriedByTheOutbox_AndReceivesEachEventOnce_InOrder()
    {
        const string path = "/events/flaky";
        app.Receiver.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(10).RespondWith(Response.Create().WithStatusCode(503));
        await SubscribeAsync(path, "Flaky CRM", "ROADS", respond: false);

        var reference = await ReportPotholeAsync("Pothole for the flaky receiver");
        var issueId = await IssueIdAsync(reference);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClientAs(CivicRoles.Supervisor).PostAsJsonAsync($"/api/issues/{issueId}/transitions", new { trigger = "Triage" })).StatusCode);

        // Not DrainOutboxAsync: the second event stays due (but held back) for as long as the first waits.
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        await dispatcher.DispatchOnceAsync(CancellationToken.None);

        // Down: the first event waits in the outbox for its retry, and the second waits behind it.
        var whileDown = Received(path, reference, onlyAccepted: false);
        Assert.NotEmpty(whileDown);
        Assert.All(whileDown, e => Assert.Equal("ca.civicconnect.report.created.v1", e.Event.GetProperty("type").GetString()));
        await using (var db = app.CreateDbContext())
        {
            var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKinds.Event && m.Address == app.Receiver.Url + path).OrderBy(m => m.Id).ToListAsync();
            Assert.Equal([OutboxStatus.Pending, OutboxStatus.Pending], rows.Select(r => r.Status));
            Assert.Equal([1, 0], rows.Select(r => r.Attempts));
        }

        // Back up; the retry is due.
        app.Receiver.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(1).RespondWith(Response.Create().WithStatusCode(202));
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        await app.DrainOutboxAsync();

        var accepted = Received(path, reference, onlyAccepted: true);
        Assert.Equal(["ca.civicconnect.report.created.v1", "ca.civicconnect.report.transitioned.v1"], accepted.Select(e => e.Event.GetProperty("type").GetString()));
        Assert.Equal(whileDown[0].Event.GetProperty("id").GetString(), accepted[0].Event.GetProperty("id").GetString());
        await using var check = app.CreateDbContext();
        Assert.All(
            await check.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKinds.Event && m.Address == app.Receiver.Url + path).ToListAsync(),
            row => Assert.Equal(OutboxStatus.Sent, row.Status));
    }

    [Fact]
    public async Task Subscribers_AreManagedBySupervisors_AndABadOneIsA400WithNothingStored()
    {
        var supervisor = app.CreateClientAs(CivicRoles.Supervisor);
        var bad = await supervisor.PostAsJsonAsync("/admin/event-subscribers", new { name = "", url = "http://crm.example.org/hooks", department = "NOPE" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("url", out _) && errors.TryGetProperty("department", out _), errors.ToString());

        var privateAddress = await supervisor.PostAsJsonAsync("/admin/event-subscribers", new { name = "Metadata", url = "https://169.254.169.254/latest" });
        Assert.Equal(HttpStatusCode.BadRequest, privateAddress.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsync("/admin/event-subscribers", new StringContent("{", System.Text.Encoding.UTF8, "application/json"))).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs(CivicRoles.Staff, "ROADS").PostAsJsonAsync("/admin/event-subscribers", new { name = "Sneaky", url = app.Receiver.Url + "/events/sneaky" })).StatusCode);

        var added = await supervisor.PostAsJsonAsync("/admin/event-subscribers", new { name = "Water CRM", url = app.Receiver.Url + "/events/water", department = "WATER" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync("/admin/event-subscribers", new { name = "Water CRM again", url = app.Receiver.Url + "/events/water", department = "WATER" })).StatusCode);
        var listed = await supervisor.GetFromJsonAsync<JsonElement>("/admin/event-subscribers");
        var water = Assert.Single(listed.EnumerateArray(), s => s.GetProperty("id").GetInt32() == id);
        Assert.Equal(("Water CRM", "WATER"), (water.GetProperty("name").GetString(), water.GetProperty("department").GetString()));
        Assert.DoesNotContain(listed.EnumerateArray(), s => s.GetProperty("name").GetString() is "" or "Metadata" or "Sneaky");

        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"/admin/event-subscribers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.DeleteAsync($"/admin/event-subscribers/{id}")).StatusCode);
    }

    /// <returns>The subscriber's path.</returns>
    private async Task<string> SubscribeAsync(string path, string name, string? department, bool respond = true)
    {
        if (respond)
        {
            app.Receiver.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        }

        var response = await app.CreateClientAs(CivicRoles.Supervisor).PostAsJsonAsync("/admin/event-subscribers", new { name, url = app.Receiver.Url + path, department });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return path;
    }

    private async Task<int> ReportPotholeAsync(string description)
    {
        (string Name, string Value)[] fields =
        [
            .. Open311Client.Pothole().Where(f => f.Name is not ("api_key" or "description")),
            ("api_key", "dev-open311-key"),
            ("description", description),
            ("email", PersonalEmail),
            ("phone", PersonalPhone),
            ("first_name", ReporterName),
        ];
        var response = await Open311Client.PostAsync(app.CreateClient(), "json", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return int.Parse((await response.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("service_request_id").GetString()!, CultureInfo.InvariantCulture);
    }

    private async Task<long> IssueIdAsync(int reference)
    {
        await using var db = app.CreateDbContext();
        return await db.Issues.Where(i => i.ReferenceNumber == reference).Select(i => i.Id).SingleAsync();
    }

    /// <summary>The report's Quartz deadline job, fired now rather than at its deadline: the same job the scheduler runs.</summary>
    private async Task RunDeadlineJobAsync(int reference)
    {
        var scheduler = await app.Services.GetRequiredKeyedService<ISchedulerFactory>(EscalationJobs.SchedulerName).GetScheduler();
        Assert.True(await scheduler.Exists(EscalationJobs.Deadline(reference)), "no deadline job was scheduled");
        await scheduler.TriggerJob(EscalationJobs.Deadline(reference));
        var until = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(60);
        while (true)
        {
            await using var db = app.CreateDbContext();
            if (await db.Issues.AnyAsync(i => i.ReferenceNumber == reference && i.EscalationLevel > 0))
            {
                return;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < until, "the deadline job did not run");
            await Task.Delay(100);
        }
    }

    /// <summary>What the receiver got on <paramref name="path"/> about the report, in arrival order, each parsed as JSON.</summary>
    private List<(ILogEntry Entry, JsonElement Event)> Received(string path, int reference, bool onlyAccepted = true) =>
        app.Receiver.LogEntries
            .Where(e => e.RequestMessage.Path == path && (!onlyAccepted || e.ResponseMessage.StatusCode is int and < 300))
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => (Entry: e, Event: JsonDocument.Parse(e.RequestMessage.Body!).RootElement))
            .Where(e => e.Event.GetProperty("subject").GetString() == reference.ToString(CultureInfo.InvariantCulture))
            .ToList();
}
