using System.Globalization;
using System.Text.Json.Nodes;
using CivicConnect.Integration.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CivicConnect.Integration.Tests.WhatsAppCloud;

/// <summary>The real server with the WhatsApp Cloud API on; the Graph API is a WireMock.Net server speaking its JSON.</summary>
public class WhatsAppCloudAppFactory : ProviderAppFactory
{
    public const string AppSecret = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    public const string VerifyToken = "calgary-311-verify";
    public const string AccessToken = "EAAGtestaccesstoken0123456789";
    public const string PhoneNumberId = "106540352242922";
    public const string Version = "v21.0";

    public WhatsAppCloudAppFactory()
        : base("civic-wa-media-")
    {
        Graph.Given(Request.Create().WithPath($"/{Version}/{PhoneNumberId}/messages").UsingPost().WithHeader("Authorization", "Bearer " + AccessToken))
            .AtPriority(10)
            .RespondWith(Response.Create()
                .WithStatusCode(200)
                .WithHeader("Content-Type", "application/json")
                .WithBody("""{"messaging_product":"whatsapp","contacts":[{"input":"{{JsonPath.SelectToken request.body "$.to"}}","wa_id":"{{JsonPath.SelectToken request.body "$.to"}}"}],"messages":[{"id":"wamid.{{Random Type="Guid"}}"}]}""")
                .WithTransformer());
        Settings["WhatsAppCloud:AppSecret"] = AppSecret;
        Settings["WhatsAppCloud:VerifyToken"] = VerifyToken;
        Settings["WhatsAppCloud:AccessToken"] = AccessToken;
        Settings["WhatsAppCloud:PhoneNumberId"] = PhoneNumberId;
        Settings["WhatsAppCloud:GraphBaseUrl"] = Graph.Url;
        Settings["WhatsAppCloud:GraphApiVersion"] = Version;
    }

    public WireMockServer Graph => Provider;

    /// <summary>A fresh citizen: a WhatsApp id is the number in international form without '+'.</summary>
    public static string NewWaId() =>
        "1403" + Random.Shared.Next(200, 1000).ToString(CultureInfo.InvariantCulture) + Random.Shared.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The message objects the Graph stand-in was asked to send to <paramref name="waId"/>, in order.</summary>
    public IReadOnlyList<JsonObject> SentTo(string waId) =>
        Graph.LogEntries
            .Where(e => e.RequestMessage.Path == $"/{Version}/{PhoneNumberId}/messages" && e.ResponseMessage.StatusCode is 200)
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => JsonNode.Parse(e.RequestMessage.Body!)!.AsObject())
            .Where(m => m["to"]?.GetValue<string>() == waId)
            .ToList();

    /// <summary>Serves a photo the way Meta does: the media id resolves to a URL that needs the same bearer token.</summary>
    public string ServeMedia(byte[] content, string mimeType)
    {
        var id = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture);
        Graph.Given(Request.Create().WithPath($"/{Version}/{id}").UsingGet().WithHeader("Authorization", "Bearer " + AccessToken))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"messaging_product":"whatsapp","url":"{{Graph.Url}}/whatsapp_business/attachments/?mid={{id}}","mime_type":"{{mimeType}}","sha256":"00","file_size":{{content.Length}},"id":"{{id}}"}"""));
        Graph.Given(Request.Create().WithPath("/whatsapp_business/attachments/").WithParam("mid", id).UsingGet().WithHeader("Authorization", "Bearer " + AccessToken))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", mimeType).WithBody(content));
        return id;
    }
}
