using System.Net;
using System.Text.Json;
using CivicConnect.Integration.Tests.DirectLine;

namespace CivicConnect.Integration.Tests.Twilio;

/// <summary>
/// The test's own signature implementation is checked against the npm package <c>twilio</c>
/// (a third implementation, by Twilio), then the server must accept it.
/// </summary>
public sealed class TwilioSignatureCrossCheckTests(TwilioAppFactory app) : IClassFixture<TwilioAppFactory>
{
    [Fact]
    public async Task TestSignature_MatchesTwilioNodeLibrary_AndIsAcceptedByTheServer()
    {
        var (written, _) = TwilioAppFactory.NewCitizen();
        var fields = TwilioWebhook.Sms(written, "Nid-de-poule près de l'hôtel de ville & 17 Ave = 🕳️");
        var url = TwilioAppFactory.PublicBaseUrl + "/channels/twilio/messages?city=calgary";
        var ours = TwilioSignatures.Compute(TwilioAppFactory.AuthToken, url, fields);

        var (exitCode, output, errors) = await NodeClient.RunAsync("twilio-signature.js", new Dictionary<string, string>
        {
            ["TWILIO_AUTH_TOKEN"] = TwilioAppFactory.AuthToken,
            ["TWILIO_URL"] = url,
            ["TWILIO_PARAMS"] = JsonSerializer.Serialize(fields),
            ["TWILIO_SIGNATURE"] = ours,
        }, TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, errors);
        using var result = JsonDocument.Parse(output);
        Assert.Equal(ours, result.RootElement.GetProperty("expected").GetString());
        Assert.True(result.RootElement.GetProperty("valid").GetBoolean());

        var response = await new TwilioWebhook(app).PostAsync(fields, path: "/channels/twilio/messages?city=calgary", signature: ours);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
