using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicConnect.Core.Issues;
using CivicConnect.Core.Messages;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Integration.Tests.DirectLine;
using CivicConnect.Integration.Tests.Infrastructure;
using CivicConnect.Integration.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using WireMock.Logging;

namespace CivicConnect.Integration.Tests.CitizenUpdates;

/// <summary>
/// Status updates that reach web and app citizens outside the chat: a web-chat citizen files a
/// report, asks for e-mail in the dialog, the page registers the browser's push subscription and
/// the app its FCM token; a staff transition then reaches the push service (VAPID-signed,
/// aes128gcm-encrypted), the mailbox and FCM, once each, with the status page link. Quiet hours
/// hold them back, opt-out stops them, and a push service's "gone" forgets the registration.
/// </summary>
public sealed partial class CitizenUpdatesTests(CitizenUpdatesTests.App app) : IClassFixture<CitizenUpdatesTests.App>
{
    public sealed class App : CitizenUpdatesAppFactory;

    [Fact]
    public async Task StaffAssigns_WebChatReport_ReachesBrowserMailboxAndAppOnceEachWithTheStatusLink()
    {
        var client = new DirectLineClient(app.CreateClient());
        var (conversationId, token) = await client.StartAsync();
        var reference = await FileReportAsync(client, conversationId, token);
        var email = $"citizen-{Guid.NewGuid():N}@example.org";
        var offer = (await SayAsync(client, conversationId, token, "E-mail me updates")).Last();
        Assert.Contains("e-mail address", offer.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(email, (await SayAsync(client, conversationId, token, email)).Last().GetProperty("text").GetString(), StringComparison.Ordinal);

        using var browser = new TestBrowser();
        var endpoint = app.PushEndpoint("browser-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.NoContent, await PutAsync(client, $"/v3/directline/conversations/{conversationId}/updates/webpush", token, browser.Subscription(endpoint)));
        Assert.Equal(HttpStatusCode.NoContent, await PutAsync(client, $"/v3/directline/conversations/{conversationId}/updates/webpush", token, browser.Subscription(endpoint)));
        var fcmToken = "app-" + Guid.NewGuid().ToString("N") + ":APA91bH-test-registration-token";
        Assert.Equal(HttpStatusCode.NoContent, await PutAsync(client, $"/v3/directline/conversations/{conversationId}/updates/fcm", token, new { token = fcmToken }));

        await FireOk(await IssueIdAsync(reference), new { trigger = "Assign", assignee = "crew 4" });
        await app.DrainOutboxAsync();

        var link = await StatusLinkAsync(reference);
        var sentence = $"Calgary 311: report #{reference} is assigned to a crew.";

        // The browser: one push, signed with our VAPID key, encrypted for this browser only.
        var push = Assert.Single(PushesTo(endpoint));
        PushServiceChecks.AssertVapid(Header(push, "Authorization"), app.VapidPublicKey, endpoint, CitizenUpdatesAppFactory.VapidSubject);
        Assert.Equal("aes128gcm", Header(push, "Content-Encoding"));
        Assert.NotNull(Header(push, "TTL"));
        var shown = TestBrowser.Json(browser.Decrypt(push.RequestMessage.BodyAsBytes!));
        Assert.Equal($"Report #{reference}", shown.GetProperty("title").GetString());
        Assert.Equal(sentence, shown.GetProperty("body").GetString());
        Assert.Equal(link, shown.GetProperty("url").GetString());
        Assert.Equal("en", shown.GetProperty("lang").GetString());

        // The mailbox: one e-mail in English with the link.
        var mail = Assert.Single(app.Smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == email));
        Assert.Equal(sentence, mail.Headers["Subject"]);
        Assert.Contains(link, mail.MessageParts[0].BodyData, StringComparison.Ordinal);

        // The app: a token from the service account, then one FCM v1 message to its registration token.
        var tokenRequest = PushServices().First(e => e.RequestMessage.Path == "/token");
        var form = tokenRequest.RequestMessage.Body!.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", form["grant_type"]);
        PushServiceChecks.AssertServiceAccountAssertion(form["assertion"], app.ServiceAccountKey, CitizenUpdatesAppFactory.FcmClientEmail, app.TokenUri);
        var send = Assert.Single(FcmSendsTo(fcmToken));
        Assert.Equal("Bearer " + CitizenUpdatesAppFactory.FcmAccessToken, Header(send, "Authorization"));
        var message = JsonDocument.Parse(send.RequestMessage.Body!).RootElement.GetProperty("message");
        Assert.Equal(fcmToken, message.GetProperty("token").GetString());
        Assert.Equal($"Report #{reference}", message.GetProperty("notification").GetProperty("title").GetString());
        Assert.Equal(sentence, message.GetProperty("notification").GetProperty("body").GetString());
        Assert.Equal(link, message.GetProperty("data").GetProperty("url").GetString());

        // And the transcript still has it, for when the chat is reopened.
        var transcript = await client.GetActivitiesAsync(conversationId, token);
        Assert.Contains(transcript.GetProperty("activities").EnumerateArray(), a => a.GetProperty("text").GetString()?.StartsWith(sentence, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Transition_InQuietHours_HoldsPushAndMailUntilMorning()
    {
        var (conversation, endpoint, email, fcmToken, issue) = await FollowedIssueAsync();
        app.Clock.SetUtcNow(NextLocal(app.Clock.GetUtcNow(), 22));

        await FireOk(issue.Id, new { trigger = "Triage" });
        await app.DrainOutboxAsync();

        Assert.Empty(PushesTo(endpoint));
        Assert.Empty(FcmSendsTo(fcmToken));
        Assert.DoesNotContain(app.Smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == email));
        await using (var db = app.CreateDbContext())
        {
            var held = await db.OutboxMessages.Where(m => m.ConversationId == conversation && m.Status == OutboxStatus.Pending).ToListAsync();
            Assert.Equal([ChannelIds.DirectLine, ChannelIds.Fcm, ChannelIds.Mail, ChannelIds.WebPush], held.Select(m => m.Channel).Order(StringComparer.Ordinal));
            Assert.All(held, m => Assert.NotNull(m.NotBefore));
        }

        app.Clock.SetUtcNow(NextLocal(app.Clock.GetUtcNow(), 8).AddMinutes(1));
        await app.DrainOutboxAsync();

        Assert.Single(PushesTo(endpoint));
        Assert.Single(FcmSendsTo(fcmToken));
        Assert.Single(app.Smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == email));
    }

    [Fact]
    public async Task Transition_ForAnOptedOutCitizen_SendsNothingAnywhere()
    {
        var (conversation, endpoint, email, fcmToken, issue) = await FollowedIssueAsync(optedOut: true);

        await FireOk(issue.Id, new { trigger = "Triage" });
        await app.DrainOutboxAsync();

        Assert.Empty(PushesTo(endpoint));
        Assert.Empty(FcmSendsTo(fcmToken));
        Assert.DoesNotContain(app.Smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == email));
        await using var db = app.CreateDbContext();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.ConversationId == conversation));
    }

    [Fact]
    public async Task Closed_TheSatisfactionQuestionStaysInTheChat()
    {
        var (conversation, endpoint, email, fcmToken, issue) = await FollowedIssueAsync(status: IssueStatus.Resolved);

        await FireOk(issue.Id, new { trigger = "Close" });
        await app.DrainOutboxAsync();

        Assert.Empty(PushesTo(endpoint));
        Assert.Empty(FcmSendsTo(fcmToken));
        Assert.DoesNotContain(app.Smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == email));
        await using var db = app.CreateDbContext();
        Assert.Equal([ChannelIds.DirectLine], await db.OutboxMessages.Where(m => m.ConversationId == conversation).Select(m => m.Channel).ToListAsync());
    }

    [Fact]
    public async Task PushServiceSaysGone_TheSubscriptionAndTheTokenAreForgotten()
    {
        var (conversation, endpoint, _, fcmToken, issue) = await FollowedIssueAsync(endpointName: "gone-", fcmPrefix: "uninstalled-app-");

        await FireOk(issue.Id, new { trigger = "Triage" });
        await app.DrainOutboxAsync();

        Assert.Single(PushesTo(endpoint));
        Assert.Single(FcmSendsTo(fcmToken));
        await using var db = app.CreateDbContext();
        Assert.Equal([ChannelIds.Mail], await db.UpdateTargets.Where(t => t.ConversationId == conversation).Select(t => t.Kind).ToListAsync());
        var failed = await db.OutboxMessages.Where(m => m.ConversationId == conversation && m.Status == OutboxStatus.Failed && m.Channel != ChannelIds.DirectLine).Select(m => m.Channel).ToListAsync();
        Assert.Equal([ChannelIds.Fcm, ChannelIds.WebPush], failed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PushServiceDown_TheSameConversationsChatRepliesStillGoOut()
    {
        var client = new DirectLineClient(app.CreateClient());
        var (conversationId, token) = await client.StartAsync();
        await SayAsync(client, conversationId, token, "hello");
        using var browser = new TestBrowser();
        var endpoint = app.PushEndpoint("down-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.NoContent, await PutAsync(client, $"/v3/directline/conversations/{conversationId}/updates/webpush", token, browser.Subscription(endpoint)));
        Issue issue;
        await using (var db = app.CreateDbContext())
        {
            var ours = await db.Conversations.Where(c => c.Address == conversationId).Select(c => c.Id).SingleAsync();
            issue = await LifecycleData.IssueAsync(db, "pothole", reporter: ours);
        }

        await FireOk(issue.Id, new { trigger = "Triage" });
        await app.DrainOutboxAsync();
        Assert.NotEmpty(PushesTo(endpoint));

        // The push waits for its retry (the clock stands still); the citizen's next message is answered meanwhile.
        var reply = await SayAsync(client, conversationId, token, "help");
        Assert.NotEmpty(reply);
        await using var check = app.CreateDbContext();
        var waiting = check.OutboxMessages.Where(m => m.Channel == ChannelIds.WebPush && m.ConversationId == issue.ReporterConversationId);
        Assert.Equal(OutboxStatus.Pending, await waiting.Select(m => m.Status).SingleAsync());

        // Given up here, so its retries (once the other tests move the clock) cannot open the push circuit under them.
        await waiting.ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboxStatus.Failed));
    }

    [Fact]
    public async Task Registration_WithBadInputOrAnotherConversationsToken_IsRefusedAndStoresNothing()
    {
        var client = new DirectLineClient(app.CreateClient());
        var (conversationId, token) = await client.StartAsync();
        await SayAsync(client, conversationId, token, "hello");
        var (_, otherToken) = await client.StartAsync();
        using var browser = new TestBrowser();
        var path = $"/v3/directline/conversations/{conversationId}/updates/webpush";

        Assert.Equal(HttpStatusCode.BadRequest, await PutAsync(client, path, token, browser.Subscription("http://169.254.169.254/latest/meta-data")));
        Assert.Equal(HttpStatusCode.BadRequest, await PutAsync(client, path, token, new { endpoint = app.PushEndpoint("x"), keys = new { p256dh = "bm90IGEga2V5", auth = "c2hvcnQ" } }));
        Assert.Equal(HttpStatusCode.BadRequest, await PutAsync(client, path, token, new { }));
        Assert.Equal(HttpStatusCode.BadRequest, await PutAsync(client, $"/v3/directline/conversations/{conversationId}/updates/fcm", token, new { token = "<script>" }));
        Assert.Equal(HttpStatusCode.Forbidden, await PutAsync(client, path, otherToken, browser.Subscription(app.PushEndpoint("x"))));
        Assert.Equal(HttpStatusCode.Unauthorized, await PutAsync(client, path, null, browser.Subscription(app.PushEndpoint("x"))));

        await using var db = app.CreateDbContext();
        var ours = await db.Conversations.Where(c => c.Address == conversationId).Select(c => c.Id).SingleAsync();
        Assert.False(await db.UpdateTargets.AnyAsync(t => t.ConversationId == ours));

        // A good one is kept until the page withdraws it.
        var endpoint = app.PushEndpoint("withdrawn-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.NoContent, await PutAsync(client, path, token, browser.Subscription(endpoint)));
        Assert.True(await db.UpdateTargets.AnyAsync(t => t.ConversationId == ours && t.Address == endpoint));
        using (var withdraw = DirectLineClient.Request(HttpMethod.Delete, path + "?endpoint=" + Uri.EscapeDataString(endpoint), token))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.Http.SendAsync(withdraw)).StatusCode);
        }

        Assert.False(await db.UpdateTargets.AnyAsync(t => t.ConversationId == ours));

        var key = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/webchat/push-key");
        Assert.Equal(app.VapidPublicKey, key.GetProperty("publicKey").GetString());
    }

    [Fact]
    public async Task Erasure_RemovesTheCitizensPushSubscriptionsTokensAndAddresses()
    {
        var (conversation, _, _, _, _) = await FollowedIssueAsync();

        var response = await app.CreateClientAs(CivicRoles.Supervisor).PostAsJsonAsync("/admin/erasures", new { conversation = conversation.ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.UpdateTargets.AnyAsync(t => t.ConversationId == conversation));
    }

    /// <summary>Walks the dialog as a web-chat citizen would, answering each question; returns the reference number.</summary>
    private async Task<int> FileReportAsync(DirectLineClient client, string conversationId, string token)
    {
        var said = new List<string>();
        var next = "There is a big pothole on 17 Ave SW & 4 St SW";
        for (var turn = 0; turn < 12; turn++)
        {
            var reply = (await SayAsync(client, conversationId, token, next)).Last();
            var text = reply.GetProperty("text").GetString() ?? string.Empty;
            said.Add(next + " → " + text);
            if (ReferencePattern().Match(text) is { Success: true } match)
            {
                var titles = reply.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
                Assert.Equal(["Notify me when it's fixed", "E-mail me updates"], titles);
                Assert.Equal("Notify me when it's fixed", reply.GetProperty("channelData").GetProperty("civicPushOffer").GetString());
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            next = text.Contains("Where", StringComparison.OrdinalIgnoreCase) && !reply.TryGetProperty("suggestedActions", out _)
                ? "17 Ave SW & 4 St SW"
                : reply.TryGetProperty("suggestedActions", out var actions) ? actions.GetProperty("actions")[0].GetProperty("title").GetString()! : "yes";
        }

        Assert.Fail("No reference number:\n" + string.Join("\n", said));
        return 0;
    }

    private async Task<JsonElement[]> SayAsync(DirectLineClient client, string conversationId, string token, string text)
    {
        var id = await client.SendTextAsync(conversationId, token, text);
        await app.DrainOutboxAsync();
        return await client.WaitForReplyAsync(conversationId, token, id, TimeSpan.FromSeconds(60));
    }

    /// <summary>A web-chat conversation following a Received issue, with a browser, an app and an address registered.</summary>
    private async Task<(Guid Conversation, string Endpoint, string Email, string FcmToken, Issue Issue)> FollowedIssueAsync(
        bool optedOut = false, string endpointName = "browser-", string fcmPrefix = "app-", IssueStatus status = IssueStatus.Received)
    {
        await using var db = app.CreateDbContext();
        var conversation = await LifecycleData.ConversationAsync(db, ChannelIds.DirectLine, "dl-" + Guid.NewGuid().ToString("N"), optedOut: optedOut);
        var issue = await LifecycleData.IssueAsync(db, "pothole", status: status, reporter: conversation.Id);
        using var browser = new TestBrowser();
        var endpoint = app.PushEndpoint(endpointName + Guid.NewGuid().ToString("N"));
        var email = $"citizen-{Guid.NewGuid():N}@example.org";
        var fcmToken = fcmPrefix + Guid.NewGuid().ToString("N") + ":APA91b";
        var subscription = JsonSerializer.SerializeToElement(browser.Subscription(endpoint)).GetProperty("keys");
        db.UpdateTargets.AddRange(
            new UpdateTarget { ConversationId = conversation.Id, Kind = UpdateTargetKinds.WebPush, Address = endpoint, P256dh = subscription.GetProperty("p256dh").GetString(), Auth = subscription.GetProperty("auth").GetString() },
            new UpdateTarget { ConversationId = conversation.Id, Kind = UpdateTargetKinds.Email, Address = email },
            new UpdateTarget { ConversationId = conversation.Id, Kind = UpdateTargetKinds.Fcm, Address = fcmToken });
        await db.SaveChangesAsync();
        return (conversation.Id, endpoint, email, fcmToken, issue);
    }

    private static async Task<HttpStatusCode> PutAsync(DirectLineClient client, string path, string? token, object body)
    {
        using var request = DirectLineClient.Request(HttpMethod.Put, path, token);
        request.Content = JsonContent.Create(body);
        using var response = await client.Http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task FireOk(long issueId, object body)
    {
        var response = await app.CreateClientAs(CivicRoles.Supervisor).PostAsJsonAsync($"/api/issues/{issueId}/transitions", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<long> IssueIdAsync(int reference)
    {
        await using var db = app.CreateDbContext();
        return await db.Issues.Where(i => i.ReferenceNumber == reference).Select(i => i.Id).SingleAsync();
    }

    private async Task<string> StatusLinkAsync(int reference)
    {
        await using var db = app.CreateDbContext();
        var key = await db.Issues.Where(i => i.ReferenceNumber == reference).Select(i => i.PublicKey).SingleAsync();
        return $"{CitizenUpdatesAppFactory.StatusBase}/r/{reference}?k={key}";
    }

    private List<ILogEntry> PushServices() => [.. app.PushServices.LogEntries];

    private List<ILogEntry> PushesTo(string endpoint) => [.. PushServices().Where(e => e.RequestMessage.Path == new Uri(endpoint).AbsolutePath)];

    private List<ILogEntry> FcmSendsTo(string token) =>
        [.. PushServices().Where(e => e.RequestMessage.Path == CitizenUpdatesAppFactory.FcmSendPath && e.RequestMessage.Body!.Contains(token, StringComparison.Ordinal))];

    private static string? Header(ILogEntry entry, string name) =>
        entry.RequestMessage.Headers!.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    /// <summary>The next instant at <paramref name="hour"/>:00 Calgary time after <paramref name="now"/>.</summary>
    private static DateTimeOffset NextLocal(DateTimeOffset now, int hour)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Edmonton");
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var candidate = new DateTime(local.Year, local.Month, local.Day, hour, 0, 0, DateTimeKind.Unspecified);
        if (candidate <= local.DateTime)
        {
            candidate = candidate.AddDays(1);
        }

        return new DateTimeOffset(candidate, zone.GetUtcOffset(candidate)).ToUniversalTime();
    }

    [GeneratedRegex(@"Your report is #(\d+)")]
    private static partial Regex ReferencePattern();
}
