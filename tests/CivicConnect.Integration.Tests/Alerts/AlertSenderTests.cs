using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicConnect.Core.Messages;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Lifecycle;
using CivicConnect.Messaging.Outbox;
using CivicConnect.Staff.Outbox;
using CivicConnect.Workflow.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CivicConnect.Integration.Tests.Alerts;

/// <summary>Staff alerts leave the outbox by e-mail (a real SMTP conversation) and by signed webhook.</summary>
public sealed class AlertSenderTests(AlertAppFactory app) : IClassFixture<AlertAppFactory>
{
    [Fact]
    public async Task Escalation_SendsTheDepartmentAnEmailAndASignedWebhook_WithTheReferenceNumber()
    {
        app.Receiver.Given(Request.Create().WithPath(AlertAppFactory.RoadsHookPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        int reference;
        await using (var db = app.CreateDbContext())
        {
            var issue = await LifecycleData.IssueAsync(db, "deep pothole by the school", status: IssueStatus.Triaged, configure: i => i.Deadline = app.Clock.GetUtcNow().AddHours(-1));
            reference = issue.ReferenceNumber;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Escalator>().EscalateAsync(reference, CancellationToken.None);
        }

        await app.DrainOutboxAsync();

        var number = "#" + reference.ToString(CultureInfo.InvariantCulture);
        var mail = Assert.Single(app.Smtp.ReceivedEmail, m => m.Headers["Subject"]?.Contains(number, StringComparison.Ordinal) == true);
        Assert.Equal("roads-dispatch@calgary.example", Assert.Single(mail.ToAddresses).Address);
        Assert.Equal("noreply-311@calgary.example", mail.FromAddress.Address);
        Assert.StartsWith("Escalation level 1: 311 report " + number, mail.Headers["Subject"], StringComparison.Ordinal);
        Assert.Contains("still Triaged after its deadline", mail.MessageParts[0].BodyData, StringComparison.Ordinal);

        var hook = Assert.Single(app.Receiver.LogEntries, e => e.RequestMessage.Path == AlertAppFactory.RoadsHookPath && e.RequestMessage.Body!.Contains(number, StringComparison.Ordinal));
        Assert.True(AlertAppFactory.IsSignedBody(hook.RequestMessage.BodyAsBytes!, hook.RequestMessage.Headers!["X-Civic-Signature-256"].Single()), "the signature does not match the body");
        var alert = JsonDocument.Parse(hook.RequestMessage.Body!).RootElement;
        Assert.Equal("en", alert.GetProperty("locale").GetString());
        Assert.Contains("Escalation level 1", alert.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(alert.GetProperty("id").GetString(), hook.RequestMessage.Headers["X-Civic-Delivery"].Single());

        await using var check = app.CreateDbContext();
        var rows = (await check.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKinds.Notification).ToListAsync())
            .Where(m => m.Payload.Contains(number + " ", StringComparison.Ordinal)).OrderBy(r => r.Id).ToList();
        Assert.Equal([("mail", "roads-dispatch@calgary.example", OutboxStatus.Sent), ("webhook", app.RoadsHook, OutboxStatus.Sent)], rows.Select(r => (r.Channel, r.Address, r.Status)));
    }

    [Fact]
    public async Task Webhook_FailingOnceWith500_IsDeliveredExactlyOnce()
    {
        const string path = "/hooks/flaky";
        app.Receiver.Given(Request.Create().WithPath(path).UsingPost()).InScenario("flaky").WillSetStateTo("failed once")
            .RespondWith(Response.Create().WithStatusCode(500));
        app.Receiver.Given(Request.Create().WithPath(path).UsingPost()).InScenario("flaky").WhenStateIs("failed once")
            .RespondWith(Response.Create().WithStatusCode(200));

        var id = await AlertRowAsync(app.Receiver.Url + path, "Flaky receiver test");
        await app.DrainOutboxAsync();

        var calls = app.Receiver.LogEntries.Where(e => e.RequestMessage.Path == path).ToList();
        Assert.Equal([500, 200], calls.Select(c => (int)c.ResponseMessage.StatusCode!));
        Assert.Equal(calls[0].RequestMessage.Headers!["X-Civic-Delivery"].Single(), calls[1].RequestMessage.Headers!["X-Civic-Delivery"].Single());
        await using var db = app.CreateDbContext();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal((OutboxStatus.Sent, 1), (row.Status, row.Attempts));
    }

    [Fact]
    public async Task Webhook_Refusing400_FailsForGood_AndSupervisorsSeeIt()
    {
        const string path = "/hooks/refusing";
        app.Receiver.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(Response.Create().WithStatusCode(400).WithBody("bad signature"));

        var id = await AlertRowAsync(app.Receiver.Url + path, "Refused receiver test");
        await app.DrainOutboxAsync();

        Assert.Single(app.Receiver.LogEntries, e => e.RequestMessage.Path == path);
        var page = await app.CreateClientAs(CivicRoles.Supervisor).GetFromJsonAsync<FailedOutboxPage>("/admin/outbox/failed");
        var failed = Assert.Single(page!.Items, m => m.Id == id);
        Assert.Equal("webhook", failed.Channel);
        Assert.Contains("400", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_PlainHttpToAnotherMachine_IsNeverSent()
    {
        var id = await AlertRowAsync("http://roads.example.org/hooks/311", "Plain http test");
        await app.DrainOutboxAsync();

        await using var db = app.CreateDbContext();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Contains("https", row.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://127.0.0.2/hooks/311")]
    [InlineData("https://10.1.2.3/hooks/311")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[::1]/hooks/311")]
    [InlineData("https://[fd00::1]/hooks/311")]
    [InlineData("https://[::ffff:192.168.1.20]/hooks/311")]
    public async Task Webhook_ToAPrivateOrLoopbackAddress_IsNeverCalled_AndFailsForGood(string address)
    {
        var id = await AlertRowAsync(address, "Private target test");
        await app.DrainOutboxAsync();

        await using var db = app.CreateDbContext();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Contains("Webhook:AllowedHosts", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_AnsweredWithARedirect_IsNotFollowed()
    {
        const string movedPath = "/hooks/moved";
        app.Receiver.Given(Request.Create().WithPath("/hooks/redirecting").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(307).WithHeader("Location", app.Receiver.Url + movedPath));
        var id = await AlertRowAsync(app.Receiver.Url + "/hooks/redirecting", "Redirect test");
        await app.DrainOutboxAsync();

        await using var db = app.CreateDbContext();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.DoesNotContain(app.Receiver.LogEntries, e => e.RequestMessage.Path == movedPath);
    }

    private async Task<long> AlertRowAsync(string address, string text)
    {
        await using var db = app.CreateDbContext();
        var now = app.Clock.GetUtcNow();
        var row = new OutboxMessage
        {
            Kind = OutboxKinds.Notification,
            Channel = ChannelIds.Webhook,
            Address = address,
            Payload = OutboxPayload.Write("en", Reply.Plain(text)),
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }
}
