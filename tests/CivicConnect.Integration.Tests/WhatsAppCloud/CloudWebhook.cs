using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CivicConnect.Integration.Tests.WhatsAppCloud;

/// <summary>Posts webhooks the way Meta does: the notification JSON, signed with the app secret in X-Hub-Signature-256.</summary>
public sealed class CloudWebhook(WhatsAppCloudAppFactory app)
{
    public const string Path = "/channels/whatsapp/meta";

    public HttpClient Client { get; } = app.CreateClient();

    public static string NewWamid() => "wamid.HBgL" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', 'A').Replace('/', 'B');

    public static JsonObject Text(string waId, string body, string? wamid = null) => Message(waId, wamid, "text", new JsonObject { ["body"] = body });

    public static JsonObject Location(string waId, double latitude, double longitude, string? name = null) =>
        Message(waId, null, "location", new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude, ["name"] = name });

    public static JsonObject Image(string waId, string mediaId, string mimeType = "image/jpeg", string? caption = null) =>
        Message(waId, null, "image", new JsonObject { ["caption"] = caption, ["mime_type"] = mimeType, ["sha256"] = "00", ["id"] = mediaId });

    public static JsonObject ButtonReply(string waId, string id, string title) =>
        Message(waId, null, "interactive", new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = id, ["title"] = title } });

    public static JsonObject ListReply(string waId, string id, string title) =>
        Message(waId, null, "interactive", new JsonObject { ["type"] = "list_reply", ["list_reply"] = new JsonObject { ["id"] = id, ["title"] = title } });

    /// <summary>The notification Meta posts for one message: entry[].changes[].value with metadata, contacts and messages.</summary>
    public static string Notification(JsonObject message, string? profileName = "Citizen")
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15875550102", ["phone_number_id"] = WhatsAppCloudAppFactory.PhoneNumberId },
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = profileName }, ["wa_id"] = message["from"]!.GetValue<string>() }),
            ["messages"] = new JsonArray(message),
        };
        return Wrap(value);
    }

    public static string Statuses(params (string Wamid, string Status, int? ErrorCode)[] statuses)
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15875550102", ["phone_number_id"] = WhatsAppCloudAppFactory.PhoneNumberId },
            ["statuses"] = new JsonArray(statuses.Select(s =>
            {
                var status = new JsonObject { ["id"] = s.Wamid, ["status"] = s.Status, ["timestamp"] = "1764090000", ["recipient_id"] = "14035550000" };
                if (s.ErrorCode is { } code)
                {
                    status["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["title"] = "Message failed to send" });
                }

                return (JsonNode)status;
            }).ToArray()),
        };
        return Wrap(value);
    }

    public static string Sign(string body, string secret = WhatsAppCloudAppFactory.AppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public async Task<HttpResponseMessage> PostAsync(string body, string? signature = "compute", string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new(contentType);
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature == "compute" ? Sign(body) : signature);
        }

        return await Client.SendAsync(request);
    }

    public async Task SendOk(JsonObject message)
    {
        var response = await PostAsync(Notification(message));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private static JsonObject Message(string waId, string? wamid, string type, JsonObject content) => new()
    {
        ["from"] = waId,
        ["id"] = wamid ?? NewWamid(),
        ["timestamp"] = DateTimeOffset.UnixEpoch.AddSeconds(1764090000).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["type"] = type,
        [type] = content,
    };

    private static string Wrap(JsonObject value) => new JsonObject
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = "102290129340398",
            ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
        }),
    }.ToJsonString();
}
