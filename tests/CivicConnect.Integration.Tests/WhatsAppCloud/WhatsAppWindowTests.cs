using CivicConnect.Core.Messages;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.Twilio;
using CivicConnect.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.WhatsAppCloud;

/// <summary>A deployment with an approved notification template for the Cloud API.</summary>
public sealed class TemplateWhatsAppAppFactory : WhatsAppCloudAppFactory
{
    public TemplateWhatsAppAppFactory() => Settings["WhatsAppCloud:NotificationTemplate"] = "report_status_update";
}

/// <summary>No template, but Twilio SMS on as well (WireMock for both APIs).</summary>
public sealed class FallbackWhatsAppAppFactory : WhatsAppCloudAppFactory
{
    public FallbackWhatsAppAppFactory()
    {
        Twilio = new TwilioAppFactory();
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = TwilioAppFactory.AccountSid,
            ["Twilio:AuthToken"] = TwilioAppFactory.AuthToken,
            ["Twilio:PhoneNumber"] = TwilioAppFactory.CityNumber,
            ["Twilio:ApiBaseUrl"] = Twilio.Api.Url,
            ["Channels:PublicBaseUrl"] = TwilioAppFactory.PublicBaseUrl,
        })
        {
            Settings[key] = value;
        }
    }

    /// <summary>Only its WireMock Twilio API is used (its own host is never started).</summary>
    public TwilioAppFactory Twilio { get; }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Twilio.Api.Stop();
    }
}

public sealed class WhatsAppWindowTemplateTests(TemplateWhatsAppAppFactory app) : IClassFixture<TemplateWhatsAppAppFactory>
{
    [Fact]
    public async Task NotificationAfterTheWindow_GoesAsTheApprovedTemplate_AndTheRouteIsRecorded()
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        await new CloudWebhook(app).SendOk(CloudWebhook.Text(waId, "hi"));
        await app.DrainOutboxAsync();
        app.Clock.Advance(TimeSpan.FromHours(25));

        var id = await WindowRows.AddNotificationAsync(app, ChannelIds.WhatsAppCloud, "+" + waId, "Report #1042 is now resolved.");
        await app.DrainOutboxAsync();

        var template = Assert.Single(app.SentTo(waId), m => m["type"]?.GetValue<string>() == "template");
        Assert.Equal("report_status_update", template["template"]!["name"]!.GetValue<string>());
        Assert.Equal("en", template["template"]!["language"]!["code"]!.GetValue<string>());
        Assert.Equal("Report #1042 is now resolved.", template["template"]!["components"]![0]!["parameters"]![0]!["text"]!.GetValue<string>());
        await using var db = app.CreateDbContext();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal("template:report_status_update", row.Route);
    }

    [Fact]
    public async Task FreeTextReportedFailedWith131047_IsSentAgainAsTheTemplate_Once()
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        await new CloudWebhook(app).SendOk(CloudWebhook.Text(waId, "hi"));
        await app.DrainOutboxAsync();
        app.Clock.Advance(TimeSpan.FromHours(2));
        var id = await WindowRows.AddNotificationAsync(app, ChannelIds.WhatsAppCloud, "+" + waId, "Report #1046 is now resolved.");
        await app.DrainOutboxAsync();
        await using var db = app.CreateDbContext();
        var freeForm = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Null(freeForm.Route);

        // Meta accepted it, then reports that the citizen's window had closed (they wrote elsewhere, or the clock disagrees).
        var report = CloudWebhook.Statuses((freeForm.ProviderMessageId!, "failed", 131047));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await new CloudWebhook(app).PostAsync(report)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await new CloudWebhook(app).PostAsync(report)).StatusCode);
        await app.DrainOutboxAsync();

        var template = Assert.Single(app.SentTo(waId), m => m["type"]?.GetValue<string>() == "template");
        Assert.Equal("Report #1046 is now resolved.", template["template"]!["components"]![0]!["parameters"]![0]!["text"]!.GetValue<string>());
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal("template:report_status_update", row.Route);
    }

    [Fact]
    public async Task NotificationInsideTheWindow_GoesAsFreeText()
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        await new CloudWebhook(app).SendOk(CloudWebhook.Text(waId, "hi"));

        // The replies to "hi" out first: moving the clock past their lease while one is at the provider would have it claimed again.
        await app.DrainOutboxAsync();
        app.Clock.Advance(TimeSpan.FromHours(2));

        await WindowRows.AddNotificationAsync(app, ChannelIds.WhatsAppCloud, "+" + waId, "Report #1043 is now resolved.");
        await app.DrainOutboxAsync();

        Assert.Contains(app.SentTo(waId), m => m["text"]?["body"]?.GetValue<string>() == "Report #1043 is now resolved.");
        Assert.DoesNotContain(app.SentTo(waId), m => m["type"]?.GetValue<string>() == "template");
    }
}

public sealed class WhatsAppWindowFallbackTests(FallbackWhatsAppAppFactory app) : IClassFixture<FallbackWhatsAppAppFactory>
{
    [Fact]
    public async Task WithoutTemplate_ACitizenWhoTextedBySms_GetsTheNotificationBySms()
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        await new CloudWebhook(app).SendOk(CloudWebhook.Text(waId, "hi"));
        await new TwilioWebhookFor(app).SendOk(TwilioWebhook.Sms("+" + waId, "hi"));
        await app.DrainOutboxAsync();
        app.Clock.Advance(TimeSpan.FromHours(25));

        var id = await WindowRows.AddNotificationAsync(app, ChannelIds.WhatsAppCloud, "+" + waId, "Report #1044 is now resolved.");
        await app.DrainOutboxAsync();

        Assert.Single(app.Twilio.SentTo("+" + waId), m => m["Body"] == "Report #1044 is now resolved.");
        await using var db = app.CreateDbContext();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(ChannelIds.Sms, row.Channel);
        Assert.Equal("sms-fallback (from whatsapp-cloud)", row.Route);
    }

    [Fact]
    public async Task WithoutTemplateOrSmsConsent_TheNotificationIsRecordedAsNotSent()
    {
        var waId = WhatsAppCloudAppFactory.NewWaId();
        await new CloudWebhook(app).SendOk(CloudWebhook.Text(waId, "hi"));
        await app.DrainOutboxAsync();
        var before = app.SentTo(waId).Count;
        app.Clock.Advance(TimeSpan.FromHours(25));

        var id = await WindowRows.AddNotificationAsync(app, ChannelIds.WhatsAppCloud, "+" + waId, "Report #1045 is now resolved.");
        await app.DrainOutboxAsync();

        Assert.Equal(before, app.SentTo(waId).Count);
        Assert.Empty(app.Twilio.SentTo("+" + waId));
        await using var db = app.CreateDbContext();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal("not-sent", row.Route);
        Assert.Contains("24-hour window", row.LastError, StringComparison.Ordinal);
    }

    /// <summary>Posts signed Twilio webhooks to this (WhatsApp-first) server.</summary>
    private sealed class TwilioWebhookFor(FallbackWhatsAppAppFactory app)
    {
        public async Task SendOk(Dictionary<string, string> fields)
        {
            var url = TwilioAppFactory.PublicBaseUrl + "/channels/twilio/messages";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/channels/twilio/messages") { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("X-Twilio-Signature", TwilioSignatures.Compute(TwilioAppFactory.AuthToken, url, fields));
            var response = await app.CreateClient().SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
    }
}

/// <summary>A status notification as the workflow writes it: an outbox row of kind "notification" on the citizen's conversation.</summary>
internal static class WindowRows
{
    public static async Task<long> AddNotificationAsync(WhatsAppCloudAppFactory app, string channel, string address, string text)
    {
        await using var db = app.CreateDbContext();
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Channel == channel && c.Address == address);
        var now = app.Clock.GetUtcNow();
        var row = new OutboxMessage
        {
            Kind = OutboxKinds.Notification,
            Channel = channel,
            Address = address,
            ConversationId = conversation.Id,
            Payload = OutboxPayload.Write("en", Reply.Plain(text)),
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }
}
