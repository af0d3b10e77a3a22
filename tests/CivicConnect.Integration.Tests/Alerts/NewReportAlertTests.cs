using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Open311;
using CivicConnect.Workflow.DepartmentAlerts;
using CivicConnect.Workflow.Escalation;
using CivicConnect.Workflow.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using Quartz;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CivicConnect.Integration.Tests.Alerts;

/// <summary>
/// Departments hear about new reports as each asked: Roads (its mailbox is the SMTP stand-in, its
/// system the WireMock receiver) is switched between immediate, hourly and off, and potholes are
/// reported through Open311, which routes them to Roads.
/// </summary>
public sealed class NewReportAlertTests(NewReportAlertTests.App app) : IClassFixture<NewReportAlertTests.App>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public sealed class App : AlertAppFactory
    {
        public App()
        {
            Settings["Escalation:ClusterCheckinInterval"] = "00:00:01";
        }
    }

    [Fact]
    public async Task Immediate_NewReport_ReachesTheMailboxAndTheSignedWebhookOnce_EvenWhenHandedBackToTheDepartment()
    {
        await SetRoadsAsync(NewReportNotice.Immediate, "en");
        var reference = await ReportPotholeAsync("Deep pothole by the bus stop");

        // Handed to another department (set to off) and back: Roads already knows this report.
        await AssignAsync(reference, "TRANSPORTATION");
        await AssignAsync(reference, "ROADS");
        await app.DrainOutboxAsync();

        var number = "#" + reference.ToString(CultureInfo.InvariantCulture) + " ";
        var mail = Assert.Single(app.Smtp.ReceivedEmail, m => Subject(m).Contains(number, StringComparison.Ordinal));
        Assert.Equal("roads-dispatch@calgary.example", Assert.Single(mail.ToAddresses).Address);
        Assert.Equal("New 311 report " + number + "for Roads: Pothole, " + await AddressAsync(reference), Subject(mail));
        Assert.Contains("Deep pothole by the bus stop", mail.MessageParts[0].BodyData, StringComparison.Ordinal);

        var hook = Assert.Single(app.Receiver.LogEntries, e => IsRoadsHook(e) && e.RequestMessage.Body!.Contains(number, StringComparison.Ordinal));
        Assert.True(AlertAppFactory.IsSignedBody(hook.RequestMessage.BodyAsBytes!, hook.RequestMessage.Headers!["X-Civic-Signature-256"].Single()), "the signature does not match the body");
        var alert = JsonDocument.Parse(hook.RequestMessage.Body!).RootElement;
        Assert.Equal("en", alert.GetProperty("locale").GetString());
        Assert.StartsWith("New 311 report " + number, alert.GetProperty("text").GetString(), StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        var issueId = await db.Issues.Where(i => i.ReferenceNumber == reference).Select(i => i.Id).SingleAsync();
        var notice = await db.DepartmentReportNotices.AsNoTracking().SingleAsync(n => n.IssueId == issueId);
        Assert.NotNull(notice.NotifiedAt);
    }

    [Fact]
    public async Task Hourly_DigestListsEveryNewReportOnce_InTheDepartmentsLanguage_HoweverOftenAndWhereverTheJobRuns()
    {
        await SetRoadsAsync(NewReportNotice.Hourly, "fr");
        var first = await ReportPotholeAsync("Pothole one for the digest");
        var second = await ReportPotholeAsync("Pothole two for the digest");
        var third = await ReportPotholeAsync("Pothole three for the digest");
        await app.DrainOutboxAsync();
        Assert.DoesNotContain(app.Smtp.ReceivedEmail, m => Subject(m).Contains("Voirie", StringComparison.Ordinal));

        // Two runs at the same moment, as two nodes would: one digest, the other finds nothing left.
        var runs = await Task.WhenAll(SendDigestAsync(), SendDigestAsync());
        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, await SendDigestAsync());
        await app.DrainOutboxAsync();

        var digest = Assert.Single(app.Smtp.ReceivedEmail, m => Subject(m).StartsWith("Résumé 311 pour Voirie", StringComparison.Ordinal));
        Assert.Equal("Résumé 311 pour Voirie : 3 nouveaux signalements", Subject(digest));
        Assert.Equal("roads-dispatch@calgary.example", Assert.Single(digest.ToAddresses).Address);
        foreach (var reference in new[] { first, second, third })
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"- nº {reference} Nid-de-poule"), digest.MessageParts[0].BodyData, StringComparison.Ordinal);
        }

        // The JSON escapes accents, so the receiver's view is the parsed text.
        var hook = Assert.Single(app.Receiver.LogEntries, e => IsRoadsHook(e) && HookText(e).StartsWith("Résumé 311", StringComparison.Ordinal));
        Assert.True(AlertAppFactory.IsSignedBody(hook.RequestMessage.BodyAsBytes!, hook.RequestMessage.Headers!["X-Civic-Signature-256"].Single()), "the signature does not match the body");
        Assert.Equal("fr", JsonDocument.Parse(hook.RequestMessage.Body!).RootElement.GetProperty("locale").GetString());
        Assert.All(new[] { first, second, third }, reference => Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"- nº {reference} Nid-de-poule"), HookText(hook), StringComparison.Ordinal));

        // The Quartz job itself (clustered store), fired twice: the next digest has only the report made since.
        var fourth = await ReportPotholeAsync("Pothole four, after the first digest");
        var scheduler = await app.Services.GetRequiredKeyedService<ISchedulerFactory>(EscalationJobs.SchedulerName).GetScheduler();
        Assert.True(await scheduler.Exists(NewReportDigestJob.Key), "the digest job is not in the job store");
        await scheduler.TriggerJob(NewReportDigestJob.Key);
        await scheduler.TriggerJob(NewReportDigestJob.Key);
        var until = TimeProvider.System.GetUtcNow() + Patience;
        while (await PendingNoticesAsync() > 0)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < until, "the digest job did not run");
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await app.DrainOutboxAsync();
        var digests = app.Smtp.ReceivedEmail.Where(m => Subject(m).StartsWith("Résumé 311 pour Voirie", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, digests.Count);
        var later = digests.Single(m => m != digest);
        Assert.Equal("Résumé 311 pour Voirie : 1 nouveau signalement", Subject(later));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"nº {fourth} "), later.MessageParts[0].BodyData, StringComparison.Ordinal);
        Assert.DoesNotContain(string.Create(CultureInfo.InvariantCulture, $"nº {first} "), later.MessageParts[0].BodyData, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_DepartmentGetsNothing_NeitherAtOnceNorInADigest()
    {
        await SetRoadsAsync(NewReportNotice.Off, "en");
        var reference = await ReportPotholeAsync("Pothole nobody is told about");
        Assert.Equal(0, await SendDigestAsync());
        await app.DrainOutboxAsync();

        var number = "#" + reference.ToString(CultureInfo.InvariantCulture) + " ";
        Assert.DoesNotContain(app.Smtp.ReceivedEmail, m => Subject(m).Contains(number, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Receiver.LogEntries, e => IsRoadsHook(e) && e.RequestMessage.Body!.Contains(number, StringComparison.Ordinal));
        await using var db = app.CreateDbContext();
        var issueId = await db.Issues.Where(i => i.ReferenceNumber == reference).Select(i => i.Id).SingleAsync();
        Assert.False(await db.DepartmentReportNotices.AnyAsync(n => n.IssueId == issueId));
    }

    private static string Subject(SmtpMessage mail) => mail.Headers["Subject"] ?? string.Empty;

    private static bool IsRoadsHook(ILogEntry entry) => entry.RequestMessage.Path == AlertAppFactory.RoadsHookPath;

    private static string HookText(ILogEntry entry) => JsonDocument.Parse(entry.RequestMessage.Body!).RootElement.GetProperty("text").GetString() ?? string.Empty;

    private async Task SetRoadsAsync(NewReportNotice mode, string locale)
    {
        app.Receiver.Given(Request.Create().WithPath(AlertAppFactory.RoadsHookPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        await using var db = app.CreateDbContext();
        await db.Departments.Where(d => d.Code == "ROADS").ExecuteUpdateAsync(s => s.SetProperty(d => d.NewReports, mode).SetProperty(d => d.Locale, locale));
    }

    private async Task<int> ReportPotholeAsync(string description)
    {
        var fields = Open311Client.Pothole().Where(f => f.Name is not ("api_key" or "description")).Append(("api_key", "dev-open311-key")).Append(("description", description)).ToArray();
        var response = await Open311Client.PostAsync(app.CreateClient(), "json", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return int.Parse((await response.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("service_request_id").GetString()!, CultureInfo.InvariantCulture);
    }

    private async Task<string?> AddressAsync(int reference)
    {
        await using var db = app.CreateDbContext();
        return await db.Issues.Where(i => i.ReferenceNumber == reference).Select(i => i.AddressText).SingleAsync();
    }

    private async Task AssignAsync(int reference, string department)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.CivicDbContext>();
        var issueId = await db.Issues.Where(i => i.ReferenceNumber == reference).Select(i => i.Id).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<IssueTransitions>()
            .FireAsync(issueId, IssueTrigger.Assign, new TransitionData { Department = department }, new IssueActor("supervisor", ActorKind.Supervisor), CancellationToken.None);
    }

    private async Task<int> SendDigestAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewReportDigest>().SendAsync(CancellationToken.None);
    }

    private async Task<int> PendingNoticesAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.DepartmentReportNotices.CountAsync(n => n.NotifiedAt == null);
    }
}
