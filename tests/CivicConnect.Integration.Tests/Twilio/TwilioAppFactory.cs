using System.Globalization;
using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CivicConnect.Integration.Tests.Twilio;

/// <summary>The real server with a Twilio account whose REST API is a WireMock.Net server speaking Twilio's Messages JSON.</summary>
public class TwilioAppFactory : ProviderAppFactory
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "0123456789abcdef0123456789abcdef";
    public const string CityNumber = "+15875550100";
    public const string CityWhatsApp = "+15875550101";
    public const string PublicBaseUrl = "https://311.example.org";

    public TwilioAppFactory()
        : base("civic-twilio-media-")
    {
        Api.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{AccountSid}/Messages.json").UsingPost())
            .RespondWith(Response.Create()
                .WithStatusCode(201)
                .WithHeader("Content-Type", "application/json")
                .WithBody("""{"sid":"SM{{Random Type="Guid"}}","account_sid":"AC0123456789abcdef0123456789abcdef","status":"queued","num_segments":"1","direction":"outbound-api","api_version":"2010-04-01","error_code":null,"error_message":null}""")
                .WithTransformer());
        Settings["Twilio:AccountSid"] = AccountSid;
        Settings["Twilio:AuthToken"] = AuthToken;
        Settings["Twilio:PhoneNumber"] = CityNumber;
        Settings["Twilio:WhatsAppNumber"] = CityWhatsApp;
        Settings["Twilio:ApiBaseUrl"] = Api.Url;
        Settings["Channels:PublicBaseUrl"] = PublicBaseUrl;
    }

    public WireMockServer Api => Provider;

    /// <summary>A media URL as Twilio writes it (on its API host; the server moves it to the stand-in).</summary>
    public static string TwilioMediaUrl() =>
        $"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/MM{Guid.NewGuid():N}/Media/ME{Guid.NewGuid():N}";

    /// <summary>Serves <paramref name="content"/> at a new Twilio media URL (behind the account's Basic auth, as Twilio does).</summary>
    public string ServeMedia(byte[] content, string contentType)
    {
        var url = TwilioMediaUrl();
        Api.Given(Request.Create().WithPath(new Uri(url).AbsolutePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(content));
        return url;
    }

    /// <summary>A fresh citizen number, written the way a Canadian would, so normalisation is exercised.</summary>
    public static (string Written, string E164) NewCitizen()
    {
        var line = Random.Shared.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);
        var exchange = Random.Shared.Next(200, 1000).ToString(CultureInfo.InvariantCulture);
        return ($"(403) {exchange}-{line}", $"+1403{exchange}{line}");
    }

    /// <summary>The messages Twilio was asked to send to <paramref name="to"/>, as the form fields it received.</summary>
    public IReadOnlyList<Dictionary<string, string>> SentTo(string to) =>
        Api.LogEntries
            .Where(e => e.RequestMessage.Path.EndsWith("/Messages.json", StringComparison.Ordinal))
            .Select(e => QueryHelpers.ParseQuery(e.RequestMessage.Body ?? string.Empty).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal))
            .Where(f => f.GetValueOrDefault("To") == to)
            .ToList();
}
