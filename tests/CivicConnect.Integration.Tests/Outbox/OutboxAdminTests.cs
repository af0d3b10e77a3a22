using System.Net;
using System.Net.Http.Json;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Twilio;
using CivicConnect.Staff.Outbox;
using Microsoft.EntityFrameworkCore;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CivicConnect.Integration.Tests.Outbox;

/// <summary>Failed outbox messages are visible to supervisors and can be sent again.</summary>
public sealed class OutboxAdminTests(TwilioAppFactory app) : IClassFixture<TwilioAppFactory>
{
    private readonly TwilioWebhook twilio = new(app);

    [Fact]
    public async Task RefusedMessage_IsListedForSupervisors_AndRetrySendsItOnce()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        var refusal = Guid.NewGuid();
        app.Api.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{TwilioAppFactory.AccountSid}/Messages.json").UsingPost()
                .WithBody(new WildcardMatcher("*To=" + Uri.EscapeDataString(e164) + "*")))
            .WithGuid(refusal).AtPriority(-1)
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json")
                .WithBody("""{"code":21610,"message":"Attempt to send to unsubscribed recipient","more_info":"https://www.twilio.com/docs/errors/21610","status":400}"""));
        await twilio.SendOk(TwilioWebhook.Sms(written, "hi"));
        await app.DrainOutboxAsync();

        var supervisor = app.CreateClientAs(CivicRoles.Supervisor);
        var page = await supervisor.GetFromJsonAsync<FailedOutboxPage>("/admin/outbox/failed");
        var failed = Assert.Single(page!.Items, m => m.Channel == "sms" && m.LastError!.Contains("21610", StringComparison.Ordinal));
        Assert.DoesNotContain(e164, failed.Address, StringComparison.Ordinal);
        Assert.StartsWith("Hi!", failed.Preview, StringComparison.Ordinal);

        app.Api.DeleteMapping(refusal);
        var retry = await supervisor.PostAsync($"/admin/outbox/{failed.Id}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        await app.DrainOutboxAsync();

        Assert.Single(app.Api.LogEntries, e => e.ResponseMessage.StatusCode is 201 && (e.RequestMessage.Body ?? string.Empty).Contains("To=" + Uri.EscapeDataString(e164), StringComparison.Ordinal));
        await using var db = app.CreateDbContext();
        Assert.Equal(OutboxStatus.Sent, (await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == failed.Id)).Status);

        var again = await supervisor.PostAsync($"/admin/outbox/{failed.Id}/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsync("/admin/outbox/999999999/retry", null)).StatusCode);
    }

    [Fact]
    public async Task OutboxAdmin_RequiresTheSupervisorPolicy()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/admin/outbox/failed")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs(CivicRoles.Staff, department: "roads").GetAsync("/admin/outbox/failed")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs(CivicRoles.FieldWorker, department: "roads").PostAsync("/admin/outbox/1/retry", null)).StatusCode);
    }
}
