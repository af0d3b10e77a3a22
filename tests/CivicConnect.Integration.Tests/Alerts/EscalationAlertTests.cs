using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Core.Issues;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Escalation;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Open311;
using CivicConnect.Workflow.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit.Abstractions;

namespace CivicConnect.Integration.Tests.Alerts;

/// <summary>
/// End to end: a pothole reported through Open311 with a 4-second SLA is left alone; its Quartz
/// deadline job runs, and the Roads supervisor's mailbox (the SMTP stand-in) and Roads' system (the
/// WireMock receiver) both get the alert. Waits are bounded (60 s).
/// </summary>
public sealed class EscalationAlertTests(EscalationAlertTests.App app, ITestOutputHelper output) : IClassFixture<EscalationAlertTests.App>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public sealed class App : AlertAppFactory
    {
        public App()
        {
            Settings["Escalation:ClusterCheckinInterval"] = "00:00:01";
            Settings["Escalation:RepeatFraction"] = "100";
        }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var rules = $$"""
            { "rules": { "rules": [ { "name": "Fast potholes", "match": { "categories": ["pothole"] },
              "then": { "slaHours": {{EscalationAppFactory.SlaHours.ToString(CultureInfo.InvariantCulture)}} } } ] } }
            """;
            var response = await this.CreateClientAs(CivicRoles.Supervisor).PutAsync("/admin/routing", new StringContent(rules, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Deadline_PassesUnresolved_AlertReachesTheMailboxAndTheWebhook()
    {
        app.Receiver.Given(Request.Create().WithPath(AlertAppFactory.RoadsHookPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        var response = await Open311Client.PostAsync(app.CreateClient(), "json", [("api_key", "dev-open311-key"), .. Open311Client.Pothole().Where(f => f.Name != "api_key")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reference = int.Parse((await response.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("service_request_id").GetString()!, CultureInfo.InvariantCulture);
        var number = "#" + reference.ToString(CultureInfo.InvariantCulture) + " ";

        var scheduler = await app.Services.GetRequiredKeyedService<ISchedulerFactory>(EscalationJobs.SchedulerName).GetScheduler();
        Assert.True(await scheduler.Exists(EscalationJobs.Deadline(reference)), "no deadline job was scheduled");
        var submitted = TimeProvider.System.GetUtcNow();

        // Quartz fires the deadline on its own (its own real clock); the reminder at 80 % of the SLA
        // reaches the same mailbox first, so the escalation mail is the one waited for.
        bool IsEscalationMail(netDumbster.smtp.SmtpMessage m) =>
            m.Headers["Subject"] is { } subject && subject.Contains(number, StringComparison.Ordinal) && subject.StartsWith("Escalation level", StringComparison.Ordinal);
        bool IsEscalationHook(WireMock.Logging.ILogEntry e) =>
            e.RequestMessage.Path == AlertAppFactory.RoadsHookPath && e.RequestMessage.Body!.Contains(number, StringComparison.Ordinal) && e.RequestMessage.Body.Contains("escalat", StringComparison.OrdinalIgnoreCase);

        var until = TimeProvider.System.GetUtcNow() + Patience;
        while (!app.Smtp.ReceivedEmail.Any(IsEscalationMail) || !app.Receiver.LogEntries.Any(IsEscalationHook))
        {
            Assert.True(TimeProvider.System.GetUtcNow() < until, $"The alert for {number} did not arrive within {Patience.TotalSeconds} s of the deadline.");
            await app.DrainOutboxAsync();
            await Task.Delay(250);
        }

        output.WriteLine($"Both alerts arrived {(TimeProvider.System.GetUtcNow() - submitted).TotalSeconds:F1} s after the report (SLA 4 s).");
        var mail = Assert.Single(app.Smtp.ReceivedEmail, IsEscalationMail);
        Assert.Equal("roads-dispatch@calgary.example", Assert.Single(mail.ToAddresses).Address);
        Assert.StartsWith("Escalation level 1", mail.Headers["Subject"], StringComparison.Ordinal);
        var hook = Assert.Single(app.Receiver.LogEntries, IsEscalationHook);
        Assert.True(AlertAppFactory.IsSignedBody(hook.RequestMessage.BodyAsBytes!, hook.RequestMessage.Headers!["X-Civic-Signature-256"].Single()));

        await using var db = app.CreateDbContext();
        var issue = await db.Issues.AsNoTracking().SingleAsync(i => i.ReferenceNumber == reference);
        Assert.Equal((1, Priority.High), (issue.EscalationLevel, issue.Priority));
    }

    private async Task<int> EscalationLevelAsync(int reference)
    {
        await using var db = app.CreateDbContext();
        return await db.Issues.AsNoTracking().Where(i => i.ReferenceNumber == reference).Select(i => i.EscalationLevel).SingleAsync();
    }
}
