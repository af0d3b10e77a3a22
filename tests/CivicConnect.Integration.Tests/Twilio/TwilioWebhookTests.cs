using System.Net;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Integration.Tests.Twilio;

public sealed class TwilioWebhookTests(TwilioAppFactory app) : IClassFixture<TwilioAppFactory>
{
    private readonly TwilioWebhook twilio = new(app);

    [Fact]
    public async Task Message_SignedByTheDocumentedAlgorithm_IsAcceptedWithEmptyTwiml()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        var fields = TwilioWebhook.Sms(written, "hi");

        var response = await twilio.PostAsync(fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Response/>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var inbox = await db.InboxMessages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == fields["MessageSid"]);
        Assert.Equal("sms", inbox.Channel);
        Assert.Equal(e164, inbox.Address);
        Assert.NotNull(inbox.ProcessedAt);
    }

    [Fact]
    public async Task Message_WithTamperedBody_WrongUrl_MissingHeader_OrOtherAccount_IsRefusedAndNotStored()
    {
        var (written, _) = TwilioAppFactory.NewCitizen();
        var fields = TwilioWebhook.Sms(written, "pothole on 17 ave");
        var url = TwilioAppFactory.PublicBaseUrl + "/channels/twilio/messages";
        var signature = TwilioSignatures.Compute(TwilioAppFactory.AuthToken, url, fields);

        var tampered = new Dictionary<string, string>(fields) { ["Body"] = "pothole on 18 ave" };
        await AssertForbidden(await twilio.PostAsync(tampered, signature: signature));
        await AssertForbidden(await twilio.PostAsync(fields, signedUrl: "https://evil.example.org/channels/twilio/messages"));
        await AssertForbidden(await twilio.PostAsync(fields, signedUrl: url + "?x=1"));
        await AssertForbidden(await twilio.PostRawAsync("/channels/twilio/messages", TwilioWebhook.Encode(fields), signature: null));
        await AssertForbidden(await twilio.PostAsync(fields, signature: TwilioSignatures.Compute("another-token", url, fields)));
        var otherAccount = new Dictionary<string, string>(fields) { ["AccountSid"] = "AC" + new string('f', 32) };
        await AssertForbidden(await twilio.PostAsync(otherAccount));

        await using var db = app.CreateDbContext();
        Assert.False(await db.InboxMessages.AnyAsync(m => m.ProviderMessageId == fields["MessageSid"]));
    }

    [Fact]
    public async Task Message_WithANulCharacter_IsStoredWithoutIt_AndAnswered()
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        var fields = TwilioWebhook.Sms(written, "pot\u0000hole on 17 ave");

        var response = await twilio.PostAsync(fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        var inbox = await db.InboxMessages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == fields["MessageSid"]);
        Assert.Contains("pothole on 17 ave", inbox.Payload, StringComparison.Ordinal);
        Assert.NotNull(inbox.ProcessedAt);
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Address == e164), "the citizen was answered");
    }

    [Fact]
    public async Task Message_WithQueryString_IsValidatedAgainstThePublicUrlWithTheQuery()
    {
        var (written, _) = TwilioAppFactory.NewCitizen();
        var fields = TwilioWebhook.Sms(written, "hi");

        var response = await twilio.PostAsync(fields, path: "/channels/twilio/messages?city=calgary");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WhatsApp_MessageWithLocation_KeepsTheWhatsAppAddressAndThePin()
    {
        var (_, e164) = TwilioAppFactory.NewCitizen();
        var fields = TwilioWebhook.Sms("whatsapp:" + e164, string.Empty);
        fields["To"] = "whatsapp:" + TwilioAppFactory.CityWhatsApp;
        fields["Latitude"] = "51.0375";
        fields["Longitude"] = "-114.0719";
        fields["Label"] = "17 Ave SW";
        fields["ProfileName"] = "Alex";
        fields["WaId"] = e164.TrimStart('+');

        await twilio.SendOk(fields);

        await using var db = app.CreateDbContext();
        var inbox = await db.InboxMessages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == fields["MessageSid"]);
        Assert.Equal("whatsapp", inbox.Channel);
        Assert.Equal("whatsapp:" + e164, inbox.Address);
        Assert.Contains("51.0375", inbox.Payload, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("91", "0")]
    [InlineData("NaN", "-114")]
    [InlineData("51.04", "Infinity")]
    [InlineData("north", "west")]
    public async Task Message_WithInvalidCoordinates_DropsThePinAndStillReadsTheText(string latitude, string longitude)
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        var fields = TwilioWebhook.Sms(written, "hi");
        fields["Latitude"] = latitude;
        fields["Longitude"] = longitude;

        await twilio.SendOk(fields);

        await using var db = app.CreateDbContext();
        var inbox = await db.InboxMessages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == fields["MessageSid"]);
        Assert.NotNull(inbox.ProcessedAt);
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Address == e164), "the text was answered");
    }

    [Theory]
    [InlineData("'; DROP TABLE inbox_messages; --")]
    [InlineData("<script>alert(1)</script>]]><Response><Message>hi</Message></Response>")]
    [InlineData("{{7*7}} ${jndi:ldap://x} %s%s%n")]
    [InlineData("Nid-de-poule 🕳️ près de l'hôtel de ville — 中文 العربية")]
    [InlineData("nul\u0000byte and \u001b[31m escape")]
    public async Task Message_WithUnicodeOrInjectionStrings_GetsAPoliteReplyAndNo5xx(string body)
    {
        var (written, e164) = TwilioAppFactory.NewCitizen();
        var fields = TwilioWebhook.Sms(written, body);

        var response = await twilio.PostAsync(fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Message", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Address == e164), "the citizen got an answer");
    }

    [Fact]
    public async Task Message_WithMissingFields_IsA400AndNothingIsStored()
    {
        var (written, _) = TwilioAppFactory.NewCitizen();
        var noSid = TwilioWebhook.Sms(written, "hi");
        noSid.Remove("MessageSid");
        noSid.Remove("SmsMessageSid");
        var noFrom = TwilioWebhook.Sms(written, "hi");
        noFrom.Remove("From");
        var badFrom = TwilioWebhook.Sms("not a number", "hi");

        Assert.Equal(HttpStatusCode.BadRequest, (await twilio.PostAsync(noSid)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await twilio.PostAsync(noFrom)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await twilio.PostAsync(badFrom)).StatusCode);

        await using var db = app.CreateDbContext();
        Assert.False(await db.InboxMessages.AnyAsync(m => m.ProviderMessageId == noFrom["MessageSid"] || m.ProviderMessageId == badFrom["MessageSid"]));
    }

    [Theory]
    [InlineData("MessageSid=SM1&MessageSid=SM2&From=%2B14035550000&AccountSid=" + TwilioAppFactory.AccountSid)]
    public async Task MalformedForm_IsA400(string body)
    {
        var response = await twilio.PostRawAsync("/channels/twilio/messages", body, signature: "c2lnbmVk");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task InvalidUtf8Body_IsA400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/channels/twilio/messages")
        {
            Content = new ByteArrayContent([.. "MessageSid=SM4&Body="u8, 0xFF, 0xFE, .. "&From=%2B14035550000"u8]),
        };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add("X-Twilio-Signature", "c2lnbmVk");

        var response = await twilio.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task JsonBody_IsA415()
    {
        var response = await twilio.PostRawAsync("/channels/twilio/messages", "{\"MessageSid\":\"SM1\"}", signature: "c2lnbmVk", contentType: "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task OneMegabyteBody_IsA413AndNothingIsStored()
    {
        var (written, _) = TwilioAppFactory.NewCitizen();
        var fields = TwilioWebhook.Sms(written, new string('a', 1024 * 1024));

        var response = await twilio.PostAsync(fields);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.InboxMessages.AnyAsync(m => m.ProviderMessageId == fields["MessageSid"]));
    }

    private static async Task AssertForbidden(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":403", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
