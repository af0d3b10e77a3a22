using CivicConnect.Channels.Twilio;
using CivicConnect.Channels.Twilio.Outbound;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Outbox;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CivicConnect.Integration.Tests.Twilio;

/// <summary>The sender against a WireMock.Net Twilio speaking Twilio's Messages JSON and error JSON.</summary>
public sealed class TwilioSenderTests : IDisposable
{
    private const string MessagesPath = "/2010-04-01/Accounts/" + TwilioAppFactory.AccountSid + "/Messages.json";
    private readonly WireMockServer api = WireMockServer.Start();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Success_ReturnsTheMessageSid_AndSendsFromTheCityNumber()
    {
        Respond(201, """{"sid":"SM00000000000000000000000000000001","status":"queued"}""");

        var outcome = await Sender("sms").SendAsync(Message("sms", "+14035550123", new Reply("Is it in a traffic lane?", [new("yes", "Yes"), new("no", "No")])), CancellationToken.None);

        Assert.True(outcome.Sent);
        Assert.Equal("SM00000000000000000000000000000001", outcome.ProviderMessageId);
        var form = SentForms().Single();
        Assert.Equal("+14035550123", form["To"]);
        Assert.Equal(TwilioAppFactory.CityNumber, form["From"]);
        Assert.Equal("Is it in a traffic lane?\n\n1) Yes\n2) No", form["Body"]);
        var authorization = api.LogEntries.Single().RequestMessage.Headers!["Authorization"].Single();
        Assert.StartsWith("Basic ", authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatsApp_SendsFromTheWhatsAppSender()
    {
        Respond(201, """{"sid":"SM00000000000000000000000000000002","status":"queued"}""");

        var outcome = await Sender("whatsapp").SendAsync(Message("whatsapp", "whatsapp:+14035550123", Reply.Plain("Thanks")), CancellationToken.None);

        Assert.True(outcome.Sent);
        var form = SentForms().Single();
        Assert.Equal("whatsapp:+14035550123", form["To"]);
        Assert.Equal("whatsapp:" + TwilioAppFactory.CityWhatsApp, form["From"]);
    }

    [Fact]
    public async Task Card_IsRenderedAsTitleAndLines()
    {
        Respond(201, """{"sid":"SM00000000000000000000000000000003","status":"queued"}""");

        await Sender("sms").SendAsync(Message("sms", "+14035550123", new Reply("Send this report?", [new("send", "Send it")], new ReplyCard("Pothole", ["Location: 17 Ave SW", "Ward 8"]))), CancellationToken.None);

        Assert.Equal("Send this report?\n\nPothole\nLocation: 17 Ave SW\nWard 8\n\n1) Send it", SentForms().Single()["Body"]);
    }

    [Fact]
    public async Task LongText_IsSplitAtSentenceBoundaries_EachUnder1600()
    {
        Respond(201, """{"sid":"SM00000000000000000000000000000004","status":"queued"}""");
        var text = string.Concat(Enumerable.Repeat("The crew will look at the pothole soon. ", 100));

        var outcome = await Sender("sms").SendAsync(Message("sms", "+14035550123", Reply.Plain(text)), CancellationToken.None);

        Assert.True(outcome.Sent);
        var bodies = SentForms().Select(f => f["Body"]).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.All(bodies, b => Assert.InRange(b.Length, 1, 1600));
        Assert.All(bodies, b => Assert.EndsWith("soon.", b, StringComparison.Ordinal));
        Assert.Equal(text.Trim(), string.Join(" ", bodies));
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedAfterWhatRetryAfterSays()
    {
        api.Given(Request.Create().WithPath(MessagesPath).UsingPost()).RespondWith(Response.Create()
            .WithStatusCode(429).WithHeader("Retry-After", "7").WithHeader("Content-Type", "application/json")
            .WithBody("""{"code":20429,"message":"Too Many Requests","more_info":"https://www.twilio.com/docs/errors/20429","status":429}"""));

        var outcome = await Sender("sms").SendAsync(Message("sms", "+14035550123", Reply.Plain("hi")), CancellationToken.None);

        Assert.False(outcome.Sent);
        Assert.False(outcome.Permanent);
        Assert.Equal(TimeSpan.FromSeconds(7), outcome.RetryAfter);
    }

    [Fact]
    public async Task ServerError_IsTransient()
    {
        api.Given(Request.Create().WithPath(MessagesPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(503).WithBody("<html>down</html>"));

        var outcome = await Sender("sms").SendAsync(Message("sms", "+14035550123", Reply.Plain("hi")), CancellationToken.None);

        Assert.False(outcome.Sent);
        Assert.False(outcome.Permanent);
    }

    [Theory]
    [InlineData(21610, "Attempt to send to unsubscribed recipient")]
    [InlineData(21211, "The 'To' number +1403 is not a valid phone number.")]
    public async Task RefusedRecipient_IsAPermanentFailure(int code, string message)
    {
        Respond(400, $$"""{"code":{{code}},"message":"{{message}}","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":400}""");

        var outcome = await Sender("sms").SendAsync(Message("sms", "+14035550123", Reply.Plain("hi")), CancellationToken.None);

        Assert.False(outcome.Sent);
        Assert.True(outcome.Permanent);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDoubt_TwilioAlreadyHasTheReply_ItIsNotSentAgain_AndItsSidIsKept()
    {
        var since = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        Respond(201, """{"sid":"SM00000000000000000000000000000009","status":"queued"}""");
        ListSent(Listed("SM0000000000000000000000000000000A", "Thanks, we have it.", since.AddSeconds(3)));

        var outcome = await Sender("sms").SendAsync(Message("sms", "+14035550123", Reply.Plain("Thanks, we have it.")) with { InDoubtSince = since }, CancellationToken.None);

        Assert.True(outcome.Sent);
        Assert.Equal("SM0000000000000000000000000000000A", outcome.ProviderMessageId);
        Assert.Empty(SentForms());
        var query = api.LogEntries.Single().RequestMessage.Query!;
        Assert.Equal(("+14035550123", TwilioAppFactory.CityNumber), (query["To"].Single(), query["From"].Single()));
    }

    [Fact]
    public async Task InDoubt_LongReplyCutOffAfterItsFirstPart_OnlyTheMissingPartsAreSent()
    {
        var since = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        Respond(201, """{"sid":"SM0000000000000000000000000000000B","status":"queued"}""");
        var text = string.Concat(Enumerable.Repeat("The crew will look at the pothole soon. ", 100));
        var parts = SmsSplitter.Split(text.Trim());
        ListSent(Listed("SM0000000000000000000000000000000C", parts[0], since.AddSeconds(1)));

        var outcome = await Sender("sms").SendAsync(Message("sms", "+14035550123", Reply.Plain(text)) with { InDoubtSince = since }, CancellationToken.None);

        Assert.True(outcome.Sent);
        Assert.Equal(3, parts.Count);
        Assert.Equal(parts.Skip(1), SentForms().Select(f => f["Body"]));
    }

    [Fact]
    public async Task InDoubt_AnIdenticalMessageFromBeforeTheReplyWasWritten_DoesNotCount()
    {
        // "Sorry, I didn't get that" asked twice: the earlier one is not this reply.
        var since = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        Respond(201, """{"sid":"SM0000000000000000000000000000000D","status":"queued"}""");
        ListSent(
            Listed("SM0000000000000000000000000000000E", "Sorry, I didn't get that.", since.AddMinutes(-3)),
            Listed("SM0000000000000000000000000000000F", "Something else.", since.AddSeconds(5)));

        var outcome = await Sender("sms").SendAsync(Message("sms", "+14035550123", Reply.Plain("Sorry, I didn't get that.")) with { InDoubtSince = since }, CancellationToken.None);

        Assert.True(outcome.Sent);
        Assert.Equal("SM0000000000000000000000000000000D", outcome.ProviderMessageId);
        Assert.Equal(["Sorry, I didn't get that."], SentForms().Select(f => f["Body"]));
    }

    [Fact]
    public async Task NotInDoubt_TwilioIsNotAsked()
    {
        Respond(201, """{"sid":"SM00000000000000000000000000000010","status":"queued"}""");
        ListSent(Listed("SM00000000000000000000000000000011", "hi", TimeProvider.System.GetUtcNow()));

        await Sender("sms").SendAsync(Message("sms", "+14035550123", Reply.Plain("hi")), CancellationToken.None);

        Assert.Equal(["POST"], api.LogEntries.Select(e => e.RequestMessage.Method));
    }

    private static TwilioMessageList.Listed Listed(string sid, string body, DateTimeOffset created) =>
        new(sid, TwilioAppFactory.CityNumber, "+14035550123", body, created);

    private void ListSent(params TwilioMessageList.Listed[] messages) =>
        api.Given(Request.Create().WithPath(MessagesPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(TwilioMessageList.Json(MessagesPath, messages)));

    private void Respond(int status, string json) =>
        api.Given(Request.Create().WithPath(MessagesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));

    private List<Dictionary<string, string>> SentForms() =>
        api.LogEntries.Where(e => e.RequestMessage.Method == "POST").Select(e => QueryHelpers.ParseQuery(e.RequestMessage.Body!).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)).ToList();

    private static OutboundMessage Message(string channel, string address, Reply reply) => new(1, OutboxKinds.Reply, channel, address, Guid.NewGuid(), "en", reply);

    private TwilioSender Sender(string channel)
    {
        var options = Options.Create(new TwilioOptions
        {
            AccountSid = TwilioAppFactory.AccountSid,
            AuthToken = TwilioAppFactory.AuthToken,
            PhoneNumber = TwilioAppFactory.CityNumber,
            WhatsAppNumber = TwilioAppFactory.CityWhatsApp,
            ApiBaseUrl = new Uri(api.Url!),
        });
        return new TwilioSender(channel, new OneClientFactory(new TwilioApiHandler(options, TimeProvider.System) { InnerHandler = new HttpClientHandler() }), options);
    }

    private sealed class OneClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
