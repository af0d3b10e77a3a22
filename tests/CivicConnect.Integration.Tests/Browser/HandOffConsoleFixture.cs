using System.Net.Http.Headers;
using System.Text;
using CivicConnect.Integration.Tests.Twilio;
using CivicConnect.Messaging.Outbox;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CivicConnect.Integration.Tests.Browser;

/// <summary>
/// The console fixture with a Twilio account whose REST API is a WireMock.Net stand-in (as
/// <see cref="TwilioAppFactory"/>), so SMS citizens can write in through the signed webhook and
/// agents' replies can be seen leaving as SMS.
/// </summary>
public sealed class HandOffConsoleFixture : ConsoleFixture
{
    private readonly WireMockServer twilio = WireMockServer.Start();

    public HandOffConsoleFixture()
    {
        twilio.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{TwilioAppFactory.AccountSid}/Messages.json").UsingPost())
            .RespondWith(Response.Create()
                .WithStatusCode(201)
                .WithHeader("Content-Type", "application/json")
                .WithBody("""{"sid":"SM{{Random Type="Guid"}}","status":"queued","num_segments":"1","direction":"outbound-api","api_version":"2010-04-01","error_code":null,"error_message":null}""")
                .WithTransformer());
        Settings["Twilio:AccountSid"] = TwilioAppFactory.AccountSid;
        Settings["Twilio:AuthToken"] = TwilioAppFactory.AuthToken;
        Settings["Twilio:PhoneNumber"] = TwilioAppFactory.CityNumber;
        Settings["Twilio:ApiBaseUrl"] = twilio.Url;
        Settings["Channels:PublicBaseUrl"] = TwilioAppFactory.PublicBaseUrl;
    }

    /// <summary>An SMS from <paramref name="from"/>, posted and signed the way Twilio does.</summary>
    public async Task SmsFromAsync(string from, string text)
    {
        var fields = TwilioWebhook.Sms(from, text);
        var url = TwilioAppFactory.PublicBaseUrl + "/channels/twilio/messages";
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "channels/twilio/messages")
        {
            Content = new StringContent(string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Twilio-Signature", TwilioSignatures.Compute(TwilioAppFactory.AuthToken, url, fields));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits until Twilio was asked to send <paramref name="body"/> to <paramref name="to"/>; returns how many such messages there were.</summary>
    public async Task<int> WaitForSmsAsync(string to, string body)
    {
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < 300; i++)
        {
            await dispatcher.DispatchOnceAsync(CancellationToken.None);
            var sent = SentTo(to).Count(m => m.GetValueOrDefault("Body") == body);
            if (sent > 0)
            {
                return sent;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No SMS \"{body}\" reached the Twilio stand-in for {to}.");
        return 0;
    }

    public IReadOnlyList<Dictionary<string, string>> SentTo(string to) =>
        twilio.LogEntries
            .Where(e => e.RequestMessage.Path.EndsWith("/Messages.json", StringComparison.Ordinal))
            .Select(e => QueryHelpers.ParseQuery(e.RequestMessage.Body ?? string.Empty).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal))
            .Where(f => f.GetValueOrDefault("To") == to)
            .ToList();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        twilio.Stop();
        twilio.Dispose();
    }
}
