using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Twilio;

/// <summary>A Twilio deployment with an approved WhatsApp template (Content SID) for messages outside the 24-hour window.</summary>
public sealed class TemplateTwilioAppFactory : TwilioAppFactory
{
    public const string TemplateSid = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

    public TemplateTwilioAppFactory() => Settings["Twilio:WhatsAppTemplateContentSid"] = TemplateSid;
}

public sealed class TwilioWindowClosedTests(TemplateTwilioAppFactory app) : IClassFixture<TemplateTwilioAppFactory>
{
    private readonly TwilioWebhook twilio = new(app);

    [Fact]
    public async Task FreeFormWhatsApp_ReportedUndeliveredWith63016_IsSentAgainAsTheTemplate_Once()
    {
        var (_, e164) = TwilioAppFactory.NewCitizen();
        var address = "whatsapp:" + e164;
        var fields = TwilioWebhook.Sms(address, "hi");
        fields["To"] = "whatsapp:" + TwilioAppFactory.CityWhatsApp;
        await twilio.SendOk(fields);
        await app.DrainOutboxAsync();
        var freeForm = Assert.Single(app.SentTo(address));
        Assert.False(freeForm.ContainsKey("ContentSid"));

        await using var db = app.CreateDbContext();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Address == address);

        // Twilio accepted the message (201) and only now says the window had closed; it may say so twice.
        await twilio.SendStatusOk(row.ProviderMessageId!, "undelivered", errorCode: "63016");
        await twilio.SendStatusOk(row.ProviderMessageId!, "undelivered", errorCode: "63016");
        await app.DrainOutboxAsync();

        var sent = app.SentTo(address);
        Assert.Equal(2, sent.Count);
        Assert.Equal(TemplateTwilioAppFactory.TemplateSid, sent[1]["ContentSid"]);
        var resent = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == row.Id);
        Assert.Equal(OutboxStatus.Sent, resent.Status);
        Assert.Equal("template:" + TemplateTwilioAppFactory.TemplateSid, resent.Route);
        Assert.NotEqual(row.ProviderMessageId, resent.ProviderMessageId);

        // The template's own failure is final: nothing is routed a third time.
        await twilio.SendStatusOk(resent.ProviderMessageId!, "undelivered", errorCode: "63016");
        await app.DrainOutboxAsync();
        Assert.Equal(2, app.SentTo(address).Count);
    }

    [Fact]
    public async Task SmsUndelivered_IsRecorded_AndNotSentAgain()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        await twilio.SendOk(TwilioWebhook.Sms(written, "hi"));
        await app.DrainOutboxAsync();
        await using var db = app.CreateDbContext();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Address == e164);

        await twilio.SendStatusOk(row.ProviderMessageId!, "undelivered", errorCode: "63016");
        await app.DrainOutboxAsync();

        Assert.Single(app.SentTo(e164));
        var after = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == row.Id);
        Assert.Equal(OutboxStatus.Sent, after.Status);
        Assert.Contains("63016", after.LastError, StringComparison.Ordinal);
    }
}
