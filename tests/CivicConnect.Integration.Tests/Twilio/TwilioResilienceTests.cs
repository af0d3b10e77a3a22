using CivicConnect.Channels.Providers;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CivicConnect.Integration.Tests.Twilio;

/// <summary>Twilio's Messages API fails every other call (500, then 429 with Retry-After), as in a bad minute at the provider.</summary>
public sealed class FlakyTwilioAppFactory : TwilioAppFactory
{
    private const string Scenario = "flaky";

    public FlakyTwilioAppFactory()
    {
        var path = $"/2010-04-01/Accounts/{AccountSid}/Messages.json";
        var success = Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
            .WithBody("""{"sid":"SM{{Random Type="Guid"}}","account_sid":"AC0123456789abcdef0123456789abcdef","status":"queued"}""").WithTransformer();

        // Above the factory's always-succeeding stub (priority 0; lower wins). A cycle of four states: ok → 500 → ok → 429 → ok …, so half the calls fail.
        Api.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(-1).InScenario(Scenario).WillSetStateTo("fail-500").RespondWith(success);
        Api.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(-1).InScenario(Scenario).WhenStateIs("fail-500").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(500).WithHeader("Content-Type", "application/json").WithBody("""{"code":20500,"message":"Internal Server Error","status":500}"""));
        Api.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(-1).InScenario(Scenario).WhenStateIs("ok").WillSetStateTo("fail-429").RespondWith(success);
        Api.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(-1).InScenario(Scenario).WhenStateIs("fail-429").WillSetStateTo("ok-again")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithHeader("Content-Type", "application/json").WithBody("""{"code":20429,"message":"Too Many Requests","status":429}"""));
        Api.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(-1).InScenario(Scenario).WhenStateIs("ok-again").WillSetStateTo("fail-500").RespondWith(success);
        Settings["Messaging:ProviderRetryDelay"] = "00:00:00.050";

        // Half the calls failing trips a breaker set to open at half (the default waits for 80 %: an outage) that
        // samples a handful of calls; it tries again after a second.
        Settings["Messaging:ProviderBreakerFailureRatio"] = "0.5";
        Settings["Messaging:ProviderBreakerMinimumThroughput"] = "4";
        Settings["Messaging:ProviderBreakDuration"] = "00:00:01";

        // One call at a time: the stand-in's ok/500/ok/429 cycle is a state machine, and calls in
        // parallel would read the same state (all ok, or all failing). Parallel sends have their own test.
        Settings["Messaging:OutboxConcurrency"] = "1";
    }
}

public sealed class TwilioFlakyApiTests(FlakyTwilioAppFactory app) : IClassFixture<FlakyTwilioAppFactory>
{
    private readonly TwilioWebhook twilio = new(app);

    [Fact]
    public async Task ApiFailingHalfTheCalls_EveryReplyIsStillSentExactlyOnce()
    {
        var citizens = Enumerable.Range(0, 8).Select(_ => TwilioAppFactory.NewCitizen()).ToList();
        foreach (var (written, _) in citizens)
        {
            await twilio.SendOk(TwilioWebhook.Sms(written, "hi"));
            await twilio.SendOk(TwilioWebhook.Sms(written, "There is a pothole on 17 Ave SW at 4 St SW"));
        }

        await DrainWithBackoffAsync(app);

        var calls = app.Api.LogEntries.Where(e => e.RequestMessage.Path.EndsWith("/Messages.json", StringComparison.Ordinal)).ToList();
        Assert.Contains(calls, e => e.ResponseMessage.StatusCode is 500);
        Assert.Contains(calls, e => e.ResponseMessage.StatusCode is 429);

        // The breaker opened on the failures and closed again; rows it held back kept their attempts.
        var circuit = app.Services.GetRequiredService<ProviderCircuits>().Transitions.Where(t => t.Pipeline == "twilio-send").ToList();
        Assert.Contains(circuit, t => t.State == CircuitState.Open);
        Assert.Equal(CircuitState.Closed, circuit[^1].State);
        await using var db = app.CreateDbContext();
        foreach (var (_, e164) in citizens)
        {
            var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Address == e164).ToListAsync();
            Assert.Equal(2, rows.Count);
            Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));

            // Each reply reached Twilio successfully once: one accepted request per row, none twice.
            var accepted = calls.Where(e => e.ResponseMessage.StatusCode is 201 && (e.RequestMessage.Body ?? string.Empty).Contains("To=" + Uri.EscapeDataString(e164), StringComparison.Ordinal)).ToList();
            Assert.Equal(rows.Count, accepted.Count);
            Assert.Equal(accepted.Count, accepted.Select(e => e.RequestMessage.Body).Distinct().Count());
        }
    }

    /// <summary>
    /// Dispatches until no row is pending, moving the injected clock past each row's back-off. An
    /// open circuit is timed by the real clock, so this waits in real time too (a minute at most).
    /// </summary>
    internal static async Task DrainWithBackoffAsync(TwilioAppFactory app)
    {
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var patience = System.Diagnostics.Stopwatch.StartNew();
        while (patience.Elapsed < TimeSpan.FromMinutes(1))
        {
            await dispatcher.DispatchOnceAsync(CancellationToken.None);
            await using var db = app.CreateDbContext();
            if (!await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending))
            {
                return;
            }

            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(100);
        }

        Assert.Fail("The outbox did not drain.");
    }
}

/// <summary>Twilio down for a while, then back: the breaker opens (sends fail fast, rows wait), then closes.</summary>
public sealed class BreakerTwilioAppFactory : TwilioAppFactory
{
    public BreakerTwilioAppFactory()
    {
        Settings["Messaging:ProviderRetries"] = "1";
        Settings["Messaging:ProviderRetryDelay"] = "00:00:00.010";
        Settings["Messaging:ProviderBreakerMinimumThroughput"] = "4";
        Settings["Messaging:ProviderBreakDuration"] = "00:00:01";

        // Two sends at a time, so the breaker has seen four failed calls before the later rows start
        // (with every row in flight at once, all of them would reach Twilio before it could open).
        Settings["Messaging:OutboxConcurrency"] = "2";
    }
}

public sealed class TwilioCircuitBreakerTests(BreakerTwilioAppFactory app) : IClassFixture<BreakerTwilioAppFactory>
{
    private readonly TwilioWebhook twilio = new(app);

    [Fact]
    public async Task TwilioDown_OpensTheBreaker_ThenRecovery_ClosesItAndEveryReplyGoesOnce()
    {
        var outage = Guid.NewGuid();
        app.Api.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{TwilioAppFactory.AccountSid}/Messages.json").UsingPost()).WithGuid(outage).AtPriority(-1)
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Content-Type", "application/json").WithBody("""{"code":20503,"message":"Service Unavailable","status":503}"""));
        var citizens = Enumerable.Range(0, 5).Select(_ => TwilioAppFactory.NewCitizen()).ToList();
        foreach (var (written, _) in citizens)
        {
            await twilio.SendOk(TwilioWebhook.Sms(written, "hi"));
        }

        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        var circuits = app.Services.GetRequiredService<ProviderCircuits>();
        Assert.Contains(circuits.Transitions, t => t.Pipeline == "twilio-send" && t.State == CircuitState.Open);
        Assert.Contains("twilio-send", circuits.Open);

        // Open: the remaining rows were not even tried against Twilio (2 calls per row before it opened).
        var callsDuringOutage = app.Api.LogEntries.Count(e => e.RequestMessage.Path.EndsWith("/Messages.json", StringComparison.Ordinal));
        Assert.True(callsDuringOutage < citizens.Count * 2, $"{callsDuringOutage} calls");
        await using (var db = app.CreateDbContext())
        {
            Assert.All(await db.OutboxMessages.AsNoTracking().ToListAsync(), r => Assert.Equal(OutboxStatus.Pending, r.Status));
        }

        app.Api.DeleteMapping(outage);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await TwilioFlakyApiTests.DrainWithBackoffAsync(app);

        Assert.Equal(CircuitState.Closed, circuits.Transitions.Last(t => t.Pipeline == "twilio-send").State);
        Assert.Empty(circuits.Open);
        foreach (var (_, e164) in citizens)
        {
            Assert.Single(app.Api.LogEntries, e => e.ResponseMessage.StatusCode is 201 && (e.RequestMessage.Body ?? string.Empty).Contains("To=" + Uri.EscapeDataString(e164), StringComparison.Ordinal));
        }
    }
}
