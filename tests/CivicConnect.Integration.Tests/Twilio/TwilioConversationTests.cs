using System.Text.RegularExpressions;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Twilio;

/// <summary>Whole conversations over SMS: webhooks in, Twilio REST calls (WireMock) out.</summary>
public sealed partial class TwilioConversationTests(TwilioAppFactory app) : IClassFixture<TwilioAppFactory>
{
    private readonly TwilioWebhook twilio = new(app);

    [Fact]
    public async Task PotholeReport_OverSms_EndsWithTheReferenceNumberSentThroughTwilio()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        foreach (var text in new[] { "hi", "There is a pothole on 17 Ave SW at 4 St SW", "yes", "1", "Bigger than a tire", "yes", "1" })
        {
            await twilio.SendOk(TwilioWebhook.Sms(written, text));
        }

        await app.DrainOutboxAsync();

        var sent = app.SentTo(e164);
        Assert.All(sent, m => Assert.Equal(TwilioAppFactory.CityNumber, m["From"]));
        Assert.Contains(sent, m => m["Body"].Contains("Got it: Pothole", StringComparison.Ordinal) && m["Body"].Contains("\n1) Yes\n2) No", StringComparison.Ordinal));
        var confirmation = Assert.Single(sent, m => m["Body"].Contains("Your report is #", StringComparison.Ordinal));
        var reference = int.Parse(ReferencePattern().Match(confirmation["Body"]).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        await using var db = app.CreateDbContext();
        var issue = await db.Issues.AsNoTracking().Include(i => i.Category).SingleAsync(i => i.ReferenceNumber == reference);
        Assert.Equal("pothole", issue.Category!.Code);
        Assert.All(await db.OutboxMessages.AsNoTracking().Where(m => m.Address == e164).ToListAsync(), m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.StartsWith("SM", m.ProviderMessageId, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SameMessageSid_DeliveredThreeTimes_IsOneTurnAndOneReply()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        var fields = TwilioWebhook.Sms(written, "hi");

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => twilio.SendOk(fields)));
        await app.DrainOutboxAsync();

        Assert.Single(app.SentTo(e164));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.ProviderMessageId == fields["MessageSid"]));
    }

    [Fact]
    public async Task Stop_ThenAMessage_SendsNothing_AndStart_BringsRepliesBack()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        await twilio.SendOk(TwilioWebhook.Sms(written, "hi"));
        await app.DrainOutboxAsync();
        Assert.Single(app.SentTo(e164));

        await twilio.SendOk(TwilioWebhook.Sms(written, "  stop "));
        await twilio.SendOk(TwilioWebhook.Sms(written, "There is a pothole on 17 Ave SW at 4 St SW"));
        await app.DrainOutboxAsync();
        Assert.Single(app.SentTo(e164));

        await twilio.SendOk(TwilioWebhook.Sms(written, "START"));
        await twilio.SendOk(TwilioWebhook.Sms(written, "hi"));
        await app.DrainOutboxAsync();
        Assert.Equal(2, app.SentTo(e164).Count);
    }

    [Fact]
    public async Task StatusCallbacks_MarkTheOutboxRowDeliveredOrRecordTheError()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        await twilio.SendOk(TwilioWebhook.Sms(written, "hi"));
        await twilio.SendOk(TwilioWebhook.Sms(written, "There is a pothole on 17 Ave SW at 4 St SW"));
        await app.DrainOutboxAsync();
        await using var db = app.CreateDbContext();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Address == e164).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(2, rows.Count);

        await twilio.SendStatusOk(rows[0].ProviderMessageId!, "delivered");
        await twilio.SendStatusOk(rows[0].ProviderMessageId!, "sent");
        await twilio.SendStatusOk(rows[1].ProviderMessageId!, "undelivered", errorCode: "30003");

        var delivered = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == rows[0].Id);
        Assert.Equal(OutboxStatus.Delivered, delivered.Status);
        Assert.Equal("delivered", delivered.ProviderStatus);
        var undelivered = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == rows[1].Id);
        Assert.Equal("undelivered", undelivered.ProviderStatus);
        Assert.Contains("30003", undelivered.LastError, StringComparison.Ordinal);

        var unsigned = await twilio.PostRawAsync("/channels/twilio/status", $"MessageSid={rows[1].ProviderMessageId}&MessageStatus=delivered&AccountSid={TwilioAppFactory.AccountSid}", signature: null);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, unsigned.StatusCode);
    }

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex ReferencePattern();
}
