using System.Net;
using System.Text;

namespace CivicConnect.Integration.Tests.Twilio;

/// <summary>Posts webhooks the way Twilio does: form-encoded, signed for the public URL it called.</summary>
public sealed class TwilioWebhook(TwilioAppFactory app)
{
    public HttpClient Client { get; } = app.CreateClient();

    public static string NewMessageSid() => "SM" + Guid.NewGuid().ToString("N");

    public static Dictionary<string, string> Sms(string from, string body, string? messageSid = null)
    {
        var sid = messageSid ?? NewMessageSid();
        return new(StringComparer.Ordinal)
        {
            ["ToCountry"] = "CA",
            ["SmsMessageSid"] = sid,
            ["NumMedia"] = "0",
            ["From"] = from,
            ["To"] = TwilioAppFactory.CityNumber,
            ["Body"] = body,
            ["AccountSid"] = TwilioAppFactory.AccountSid,
            ["NumSegments"] = "1",
            ["MessageSid"] = sid,
            ["ApiVersion"] = "2010-04-01",
            ["SmsSid"] = sid,
        };
    }

    /// <summary>An MMS: the text fields plus NumMedia, MediaUrl{N} and MediaContentType{N}.</summary>
    public static Dictionary<string, string> Mms(string from, string body, params (string Url, string ContentType)[] media)
    {
        var fields = Sms(from, body);
        fields["NumMedia"] = media.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < media.Length; i++)
        {
            fields[$"MediaUrl{i}"] = media[i].Url;
            fields[$"MediaContentType{i}"] = media[i].ContentType;
        }

        return fields;
    }

    public Task<HttpResponseMessage> PostAsync(IDictionary<string, string> fields, string path = "/channels/twilio/messages", string? signedUrl = null, string? signature = null)
    {
        var url = signedUrl ?? TwilioAppFactory.PublicBaseUrl + path;
        signature ??= TwilioSignatures.Compute(TwilioAppFactory.AuthToken, url, fields);
        return PostRawAsync(path, Encode(fields), signature);
    }

    public async Task<HttpResponseMessage> PostRawAsync(string path, string body, string? signature, string contentType = "application/x-www-form-urlencoded")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new(contentType);
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        return await Client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendOk(IDictionary<string, string> fields)
    {
        var response = await PostAsync(fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>A delivery report as Twilio posts it to the status callback URL.</summary>
    public async Task SendStatusOk(string sid, string status, string? errorCode = null)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MessageSid"] = sid,
            ["SmsSid"] = sid,
            ["MessageStatus"] = status,
            ["SmsStatus"] = status,
            ["AccountSid"] = TwilioAppFactory.AccountSid,
            ["From"] = TwilioAppFactory.CityNumber,
            ["ApiVersion"] = "2010-04-01",
        };
        if (errorCode is not null)
        {
            fields["ErrorCode"] = errorCode;
        }

        var response = await PostAsync(fields, path: "/channels/twilio/status");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
}
