using System.Text.RegularExpressions;
using CivicConnect.Channels.CitizenPush.WebPush;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicConnect.Integration.Tests.Browser;

/// <summary>
/// "Notify me when it's fixed" in real Chromium: after the reference number the chat offers
/// browser notifications, the page has registered its service worker (sw.js), and picking the
/// offer asks for permission in the click and fetches the server's VAPID key to subscribe.
/// Headless Chromium here has no route to a real push service, so the subscription itself (and
/// what the server does with one) is covered over the API by CitizenUpdates/CitizenUpdatesTests.
/// </summary>
public sealed class WebChatNotifyTests(WebChatNotifyTests.Fixture app) : IClassFixture<WebChatNotifyTests.Fixture>
{
    public sealed class Fixture : WebChatFixture
    {
        public Fixture()
        {
            (PublicKey, var privateKey) = WebPushKeys.Generate();
            Settings["WebPush:PublicKey"] = PublicKey;
            Settings["WebPush:PrivateKey"] = privateKey;
        }

        public string PublicKey { get; }
    }

    [Fact]
    public async Task Report_Filed_OffersNotificationsAndThePickStartsTheBrowsersSubscription()
    {
        await using var chat = await app.OpenAsync(permissions: ["notifications"]);
        var worker = await chat.Page.EvaluateAsync<string>(
            "async () => { const r = await window.civicNotifications.worker; return r ? new URL(r.scope).pathname + ' ' + (r.active || r.waiting || r.installing).scriptURL : 'none'; }");
        Assert.EndsWith("/sw.js", worker, StringComparison.Ordinal);
        Assert.StartsWith("/ ", worker, StringComparison.Ordinal);

        await chat.SendTextAsync("There's a pothole");
        await chat.WaitForBotReplyAsync(new Regex("Where is it\\?"));
        await chat.SendTextAsync("17 Ave SW & 4 St SW");
        await chat.WaitForBotReplyAsync(new Regex("17 Ave SW & 4 St SW"));
        await chat.ClickChoiceAsync("Yes");
        await chat.WaitForBotReplyAsync(new Regex("Is it in a traffic lane\\?"));
        await chat.ClickChoiceAsync("Yes, in a traffic lane");
        await chat.WaitForBotReplyAsync(new Regex("About how big is it\\?"));
        await chat.ClickChoiceAsync("Bigger than a tire");
        await chat.WaitForBotReplyAsync(new Regex("Would you like updates"));
        await chat.ClickChoiceAsync("Yes, send me updates");
        await chat.WaitForBotReplyAsync(new Regex("Send this report\\?"));
        await chat.ClickChoiceAsync("Send it");

        await chat.WaitForBotReplyAsync(new Regex(@"Your report is #\d+"));
        await Expect(chat.SuggestedActions).ToHaveTextAsync(["Notify me when it's fixed"]);
        Assert.Equal("Notify me when it's fixed", await chat.Page.EvaluateAsync<string>("() => window.civicNotifications.offered()"));

        var keyRequest = chat.Page.WaitForRequestAsync(new Regex("/api/webchat/push-key$"));
        await chat.ClickChoiceAsync("Notify me when it's fixed");
        await keyRequest;
        await chat.WaitForBotReplyAsync(new Regex("allow notifications"));
        Assert.Equal("granted", await chat.Page.EvaluateAsync<string>("() => Notification.permission"));
    }
}
