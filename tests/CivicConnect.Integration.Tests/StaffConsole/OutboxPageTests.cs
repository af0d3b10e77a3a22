using System.Globalization;
using CivicConnect.Core.Messages;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Browser;
using CivicConnect.Integration.Tests.Twilio;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static Microsoft.Playwright.Assertions;

namespace CivicConnect.Integration.Tests.StaffConsole;

/// <summary>
/// The failed-messages page in Chromium: an SMS the Twilio stand-in refuses with 500 fails, appears
/// on the supervisor's open page (live feed), and Retry sends it once the stand-in answers 201.
/// </summary>
public sealed class OutboxPageTests(OutboxPageTests.App app) : IClassFixture<OutboxPageTests.App>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public sealed class App : ConsoleFixture
    {
        public App()
        {
            Twilio.Given(Request.Create().WithPath(MessagesPath).UsingPost())
                .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                    .WithBody("""{"sid":"SM{{Random Type="Guid"}}","status":"queued","error_code":null,"error_message":null}""").WithTransformer());
            Settings["Twilio:AccountSid"] = TwilioAppFactory.AccountSid;
            Settings["Twilio:AuthToken"] = TwilioAppFactory.AuthToken;
            Settings["Twilio:PhoneNumber"] = TwilioAppFactory.CityNumber;
            Settings["Twilio:WhatsAppNumber"] = TwilioAppFactory.CityWhatsApp;
            Settings["Twilio:ApiBaseUrl"] = Twilio.Url;
            Settings["Channels:PublicBaseUrl"] = TwilioAppFactory.PublicBaseUrl;
            Settings["Messaging:OutboxMaxAttempts"] = "1";
            Settings["Messaging:ProviderRetryDelay"] = "00:00:00.020";
        }

        public static string MessagesPath => $"/2010-04-01/Accounts/{TwilioAppFactory.AccountSid}/Messages.json";

        /// <summary>Twilio's REST API, stood in for.</summary>
        public WireMockServer Twilio { get; } = WireMockServer.Start();

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Twilio.Stop();
            Twilio.Dispose();
        }
    }

    [Fact]
    public async Task FailedSms_IsListedLive_AndRetrySendsIt()
    {
        var (_, e164) = TwilioAppFactory.NewCitizen();
        var refusal = Guid.NewGuid();
        app.Twilio.Given(Request.Create().WithPath(App.MessagesPath).UsingPost().WithBody(new WildcardMatcher("*To=" + Uri.EscapeDataString(e164) + "*")))
            .WithGuid(refusal).AtPriority(-1)
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("""{"code":20500,"message":"Internal Server Error","status":500}"""));

        var console = await app.SignInAsync(CivicRoles.Supervisor, name: "Sam Sup", path: "/console/outbox");
        await Expect(console.Page.GetByRole(AriaRole.Heading, new() { Name = "Failed messages" })).ToBeVisibleAsync();

        // The row fails while the page is open: it appears without a reload.
        var id = await QueueSmsAsync(e164, "Your report #4242 was received.");
        var row = console.Page.Locator($"[data-testid=outbox-row][data-outbox-id='{id.ToString(CultureInfo.InvariantCulture)}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(row.GetByTestId("outbox-recipient")).ToHaveTextAsync("+***" + e164[^2..]);
        await Expect(row.GetByTestId("outbox-error")).ToContainTextAsync("500");
        await Expect(console.Page.GetByTestId("outbox-live")).ToHaveTextAsync("The list was updated.");
        Assert.Empty(await console.SeriousAccessibilityViolationsAsync());

        app.Twilio.DeleteMapping(refusal);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Retry message {id}" }).ClickAsync();
        await Expect(console.Page.GetByTestId("outbox-status")).ToHaveTextAsync("1 message(s) queued again.");
        await Expect(row).ToHaveCountAsync(0);

        var until = TimeProvider.System.GetUtcNow() + Patience;
        while (await StatusAsync(id) != OutboxStatus.Sent)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < until, "the retried message was not sent");
            await Task.Delay(200);
        }

        var calls = app.Twilio.LogEntries.Where(e => e.RequestMessage.Path == App.MessagesPath && (e.RequestMessage.Body ?? string.Empty).Contains("To=" + Uri.EscapeDataString(e164), StringComparison.Ordinal)).ToList();
        Assert.Equal(201, calls[^1].ResponseMessage.StatusCode);
        Assert.Single(calls, c => c.ResponseMessage.StatusCode is 201);
        Assert.True(console.Problems.Count == 0, string.Join("\n", console.Problems));
    }

    private async Task<long> QueueSmsAsync(string e164, string text)
    {
        await using var db = app.CreateDbContext();
        var now = app.Clock.GetUtcNow();
        var row = new OutboxMessage
        {
            Kind = OutboxKinds.Notification,
            Channel = ChannelIds.Sms,
            Address = e164,
            Payload = OutboxPayload.Write("en", Reply.Plain(text)),
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();

        // As a turn does after its commit: the dispatcher wakes now (its poll runs on the test's frozen clock).
        app.Services.GetRequiredService<OutboxSignal>().Notify();
        return row.Id;
    }

    private async Task<OutboxStatus> StatusAsync(long id)
    {
        await using var db = app.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id).Select(m => m.Status).SingleAsync();
    }
}
