using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CivicConnect.LoadGen;

/// <summary>What the fuzzer needs of the running server: keys and secrets it was started with, and a few live Direct Line conversations.</summary>
internal sealed record FuzzTargets(LoadOptions Options, string WhatsAppSecret, string DirectLineSecret, string StaffToken, IReadOnlyList<(string Id, string Token)> Conversations);

/// <summary>
/// One malformed or hostile request per call, for one of the public surfaces: Twilio, WhatsApp
/// Cloud (Meta), Direct Line, Open311 and the staff API. Well-formed requests are mutated
/// (fields replaced by hostile values, dropped, retyped, bodies truncated, content types wrong),
/// and signed or authenticated correctly about half the time so the hostile part reaches the
/// code behind the signature check.
/// </summary>
internal sealed class FuzzCases(FuzzTargets targets, HostileValues hostile)
{
    public static readonly string[] Families = ["twilio", "whatsapp", "directline", "open311", "staff"];

    private static readonly string[] ContentTypes =
    [
        "application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data", "multipart/form-data; boundary=",
        "application/xml", "application/x-www-form-urlencoded; charset=utf-7", "", "*/*", "application/json; charset=ebcdic",
    ];

    private LoadOptions Options => targets.Options;

    public HttpRequestMessage Next(string family) => family switch
    {
        "twilio" => Twilio(),
        "whatsapp" => WhatsApp(),
        "directline" => DirectLine(),
        "open311" => Open311(),
        _ => Staff(),
    };

    private HttpRequestMessage Twilio()
    {
        var target = new Uri(Options.Url, hostile.Chance(90) ? "/channels/twilio/messages" : "/channels/twilio/status");
        var sid = "SM" + Guid.NewGuid().ToString("N");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MessageSid"] = sid, ["AccountSid"] = Options.AccountSid, ["From"] = "+1403555" + hostile.Next(10_000).ToString("D4", CultureInfo.InvariantCulture),
            ["To"] = Options.CityNumber, ["Body"] = "pothole on 17 Ave SW", ["NumMedia"] = "0",
        };
        foreach (var key in fields.Keys.ToList().Where(_ => hostile.Chance(30)))
        {
            if (hostile.Chance(20))
            {
                fields.Remove(key);
            }
            else
            {
                fields[key] = key == "NumMedia" ? hostile.Number() : hostile.String();
            }
        }

        if (hostile.Chance(20))
        {
            fields["NumMedia"] = hostile.Pick(["1", "3", "10"]);
            fields["MediaUrl0"] = hostile.Pick(["http://127.0.0.1:1/x.jpg", "file:///etc/passwd", "http://169.254.169.254/", hostile.String()]);
            fields["MediaContentType0"] = hostile.Pick(["image/jpeg", "image/heic", "text/html", hostile.String()]);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, target);
        var body = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        request.Content = Body(body, "application/x-www-form-urlencoded");
        var signature = hostile.Next(3) switch
        {
            0 => TwilioSigner.Sign(Options.AuthToken, target.ToString(), fields),
            1 => hostile.String(),
            _ => null,
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Twilio-Signature", HeaderValue(signature));
        }

        return request;
    }

    private HttpRequestMessage WhatsApp()
    {
        if (hostile.Chance(15))
        {
            // The subscription handshake, with hostile query values.
            var query = $"hub.mode={Uri.EscapeDataString(hostile.Pick(["subscribe", hostile.String()]))}&hub.verify_token={Uri.EscapeDataString(hostile.Pick(["fuzz-verify", hostile.String()]))}&hub.challenge={Uri.EscapeDataString(hostile.String())}";
            return new HttpRequestMessage(HttpMethod.Get, new Uri(Options.Url, "/channels/whatsapp/meta?" + Cap(query)));
        }

        var from = "1403555" + hostile.Next(10_000).ToString("D4", CultureInfo.InvariantCulture);
        var message = new JsonObject
        {
            ["from"] = from, ["id"] = "wamid." + Guid.NewGuid().ToString("N"), ["timestamp"] = "1764849600",
            ["type"] = hostile.Pick(["text", "image", "location", "interactive", "button", "audio", "unknown"]),
            ["text"] = new JsonObject { ["body"] = "pothole on 17 Ave SW" },
            ["image"] = new JsonObject { ["id"] = "123", ["mime_type"] = "image/jpeg" },
            ["location"] = new JsonObject { ["latitude"] = 51.04, ["longitude"] = -114.07 },
            ["interactive"] = new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = "yes", ["title"] = "Yes" } },
        };
        var root = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "1",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["display_phone_number"] = "15875550100", ["phone_number_id"] = "fuzz-phone" },
                        ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Fuzz" }, ["wa_id"] = from }),
                        ["messages"] = new JsonArray(message),
                        ["statuses"] = hostile.Chance(20) ? new JsonArray(new JsonObject { ["id"] = "wamid.x", ["status"] = "failed", ["timestamp"] = hostile.Date(), ["recipient_id"] = from }) : null,
                    },
                }),
            }),
        };
        Mutate(root);
        var body = root.ToJsonString();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Options.Url, "/channels/whatsapp/meta")) { Content = Body(body, "application/json") };
        var signature = hostile.Next(3) switch
        {
            0 => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(targets.WhatsAppSecret), request.Content.ReadAsByteArrayAsync().Result)),
            1 => hostile.Pick(["sha256=", "sha1=abc", "sha256=zz", hostile.String()]),
            _ => null,
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", HeaderValue(signature));
        }

        return request;
    }

    private HttpRequestMessage DirectLine()
    {
        var (id, token) = hostile.Pick(targets.Conversations);
        var conversation = hostile.Chance(60) ? id : hostile.Id();
        var auth = hostile.Next(4) switch
        {
            0 or 1 => token,
            2 => hostile.Chance(50) ? targets.DirectLineSecret : hostile.String(),
            _ => null,
        };
        HttpRequestMessage request;
        switch (hostile.Next(6))
        {
            case 0:
                request = new HttpRequestMessage(HttpMethod.Post, new Uri(Options.Url, "/v3/directline/conversations")) { Content = Body(hostile.String(), "application/json") };
                break;
            case 1:
                request = new HttpRequestMessage(HttpMethod.Post, new Uri(Options.Url, hostile.Pick(["/v3/directline/tokens/generate", "/v3/directline/tokens/refresh", "/api/webchat/token"]))) { Content = Body(hostile.String(), "application/json") };
                break;
            case 2:
                request = new HttpRequestMessage(HttpMethod.Get, new Uri(Options.Url, $"/v3/directline/conversations/{conversation}/activities?watermark={Cap(Uri.EscapeDataString(hostile.Chance(50) ? hostile.Number() : hostile.String()))}"));
                break;
            case 3:
                var form = new MultipartFormDataContent();
                form.Add(new ByteArrayContent(hostile.Bytes(hostile.Next(70_000))), "file", hostile.Pick(["photo.jpg", "../../x.jpg", "a b.png", new string('n', 300) + ".jpg"]));
                if (hostile.Chance(50))
                {
                    form.Add(new StringContent(hostile.String()), "activity");
                }

                request = new HttpRequestMessage(HttpMethod.Post, new Uri(Options.Url, $"/v3/directline/conversations/{conversation}/upload?userId={Uri.EscapeDataString(Cap(hostile.String()))}")) { Content = form };
                break;
            default:
                var activity = new JsonObject
                {
                    ["type"] = hostile.Pick(["message", "event", "typing", "conversationUpdate", ""]),
                    ["from"] = new JsonObject { ["id"] = "user-" + hostile.Next(100), ["name"] = "Fuzz" },
                    ["text"] = "pothole on 17 Ave SW",
                    ["locale"] = "en-US",
                    ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") },
                    ["attachments"] = hostile.Chance(20) ? new JsonArray(new JsonObject { ["contentType"] = "image/jpeg", ["contentUrl"] = hostile.String() }) : null,
                    ["entities"] = hostile.Chance(20) ? new JsonArray(new JsonObject { ["type"] = "Place", ["geo"] = new JsonObject { ["latitude"] = 91, ["longitude"] = 181 } }) : null,
                };
                Mutate(activity);
                request = new HttpRequestMessage(HttpMethod.Post, new Uri(Options.Url, $"/v3/directline/conversations/{conversation}/activities")) { Content = Body(activity.ToJsonString(), "application/json") };
                break;
        }

        if (auth is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", HeaderValue(hostile.Chance(90) ? "Bearer " + auth : auth));
        }

        return request;
    }

    private HttpRequestMessage Open311()
    {
        var format = hostile.Chance(80) ? "json" : hostile.Pick(["xml", "html", "", "..", "json%00", "JSON"]);
        switch (hostile.Next(5))
        {
            case 0:
                var query = string.Join('&', new[] { "page", "page_size", "start_date", "end_date", "updated_after", "status", "service_code", "service_request_id", "lat", "long", "radius" }
                    .Where(_ => hostile.Chance(35))
                    .Select(k => k + "=" + Uri.EscapeDataString(k.Contains("date", StringComparison.Ordinal) || k.StartsWith("updated", StringComparison.Ordinal) ? hostile.Date() : hostile.Chance(60) ? hostile.Number() : hostile.String())));
                return new HttpRequestMessage(HttpMethod.Get, new Uri(Options.Url, $"/open311/v2/requests.{format}?{Cap(query)}"));
            case 1:
                return new HttpRequestMessage(HttpMethod.Get, new Uri(Options.Url, hostile.Pick([
                    $"/open311/v2/requests/{hostile.Id()}.{format}", $"/open311/v2/services/{hostile.Id()}.{format}", $"/open311/v2/tokens/{hostile.Id()}.{format}", $"/open311/v2/services.{format}?jurisdiction_id={Uri.EscapeDataString(Cap(hostile.String()))}"])));
            default:
                var fields = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["api_key"] = hostile.Chance(60) ? Options.Open311Key : hostile.String(),
                    ["service_code"] = hostile.Chance(50) ? "pothole" : hostile.String(),
                    ["lat"] = hostile.Chance(50) ? "51.0447" : hostile.Number(),
                    ["long"] = hostile.Chance(50) ? "-114.0719" : hostile.Number(),
                    ["address_string"] = hostile.String(),
                    ["description"] = hostile.String(),
                    ["email"] = hostile.String(),
                    ["phone"] = hostile.String(),
                    ["device_id"] = hostile.String(),
                    ["media_url"] = hostile.Pick(["http://127.0.0.1:1/x.jpg", "file:///etc/passwd", hostile.String()]),
                    ["attribute[" + Cap(hostile.String()) + "]"] = hostile.String(),
                };
                foreach (var key in fields.Keys.ToList().Where(_ => hostile.Chance(25)))
                {
                    fields.Remove(key);
                }

                var body = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
                var url = hostile.Chance(20) ? $"/open311/v2/requests.{format}?api_key={Uri.EscapeDataString(hostile.Chance(50) ? Options.Open311Key : Cap(hostile.String()))}" : $"/open311/v2/requests.{format}";
                return new HttpRequestMessage(HttpMethod.Post, new Uri(Options.Url, url)) { Content = Body(body, "application/x-www-form-urlencoded") };
        }
    }

    private HttpRequestMessage Staff()
    {
        string[] queryKeys = ["page", "pageSize", "status", "from", "to", "since", "q", "category", "ward", "bbox", "department", "sort", "days"];
        var query = string.Join('&', queryKeys.Where(_ => hostile.Chance(30))
            .Select(k => k + "=" + Uri.EscapeDataString(k is "from" or "to" or "since" ? hostile.Date() : hostile.Chance(50) ? hostile.Number() : hostile.String())));
        var id = hostile.Chance(30) ? "1" : hostile.Number();
        HttpRequestMessage request;
        if (hostile.Chance(60))
        {
            var path = hostile.Pick([
                "/api/issues", "/api/issues/counts", "/api/issues/assigned", $"/api/issues/{id}", "/api/analytics/summary", "/api/map/reports",
                "/api/wards", "/api/handoffs", "/admin/outbox/failed", "/admin/routing/versions", $"/admin/routing/versions/{id}/diff", "/admin/classifier/examples",
                "/admin/classifier/examples/similar", $"/media/{hostile.MediaPath()}", $"/console/reports/{id}/photos/{hostile.Number()}", "/api/me",
            ]);
            request = new HttpRequestMessage(HttpMethod.Get, new Uri(Options.Url, path + "?" + Cap(query)));
        }
        else
        {
            var body = new JsonObject
            {
                ["transition"] = hostile.Pick(["acknowledge", "resolve", "close", hostile.String()]),
                ["assignee"] = hostile.String(),
                ["crew"] = hostile.String(),
                ["text"] = hostile.String(),
                ["note"] = hostile.String(),
                ["reason"] = hostile.String(),
                ["phone"] = hostile.String(),
                ["conversationId"] = hostile.String(),
            };
            Mutate(body);
            var path = hostile.Pick([
                $"/api/issues/{id}/transitions", $"/api/issues/{id}/assignment", $"/api/issues/{id}/comments", $"/api/issues/{id}/photos",
                "/admin/erasures", "/admin/classifier/examples", "/admin/classifier/classify", "/admin/routing/draft/simulate", $"/admin/outbox/{id}/retry",
            ]);
            request = new HttpRequestMessage(HttpMethod.Post, new Uri(Options.Url, path)) { Content = Body(body.ToJsonString(), "application/json") };
        }

        var auth = hostile.Next(4) switch
        {
            0 or 1 => "Bearer " + targets.StaffToken,
            2 => hostile.Pick(["Bearer ", "Bearer " + targets.StaffToken[..^5] + "AAAAA", "Basic Zm9vOmJhcg==", "Bearer " + hostile.String()]),
            _ => null,
        };
        if (auth is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", HeaderValue(auth));
        }

        return request;
    }

    /// <summary>Replaces, retypes or removes a few values anywhere in the tree.</summary>
    private void Mutate(JsonNode node)
    {
        foreach (var _ in Enumerable.Range(0, 1 + hostile.Next(3)))
        {
            var (parent, key) = RandomSlot(node);
            if (parent is null)
            {
                return;
            }

            JsonNode? value = hostile.Next(8) switch
            {
                0 => null,
                1 => JsonValue.Create(hostile.Next(2) == 0 ? long.MaxValue : -1),
                2 => JsonValue.Create(hostile.Chance(50)),
                3 => new JsonArray(JsonValue.Create(hostile.String())),
                4 => new JsonObject { [Key(hostile.String())] = hostile.String() },
                5 => JsonValue.Create(1e300),
                _ => JsonValue.Create(hostile.String()),
            };
            switch (parent)
            {
                case JsonObject o when hostile.Chance(15):
                    o.Remove(key!);
                    break;
                case JsonObject o:
                    o[key!] = value;
                    break;
                case JsonArray a:
                    a[int.Parse(key!, CultureInfo.InvariantCulture)] = value;
                    break;
            }
        }
    }

    /// <summary>Only what HTTP/1.1 can carry in a header (printable ASCII, at most 8 KB): the client refuses the rest before sending.</summary>
    private static string HeaderValue(string text)
    {
        var printable = new string([.. text.Where(c => c is >= ' ' and <= '~')]);
        return printable.Length > 8_000 ? printable[..8_000] : printable;
    }

    private static string Key(string text) => text[..Math.Min(50, text.Length)];

    private (JsonNode? Parent, string? Key) RandomSlot(JsonNode root)
    {
        var slots = new List<(JsonNode, string)>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (k, v) in o.ToList())
                    {
                        slots.Add((o, k));
                        Walk(v);
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        slots.Add((a, i.ToString(CultureInfo.InvariantCulture)));
                        Walk(a[i]);
                    }

                    break;
            }
        }

        Walk(root);
        return slots.Count == 0 ? (null, null) : slots[hostile.Next(slots.Count)];
    }

    /// <summary>The body as given, or truncated, or huge, under the right or a wrong content type.</summary>
    private ByteArrayContent Body(string body, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        bytes = hostile.Next(10) switch
        {
            0 => bytes[..hostile.Next(bytes.Length + 1)],
            1 => [.. bytes, .. hostile.Bytes(hostile.Next(64))],
            2 when hostile.Chance(20) => [.. bytes, .. Encoding.UTF8.GetBytes(new string('x', 1_100_000))],
            _ => bytes,
        };
        var content = new ByteArrayContent(bytes);
        var type = hostile.Chance(80) ? contentType : hostile.Pick(ContentTypes);
        if (type.Length > 0 && MediaTypeHeaderValue.TryParse(type, out var parsed))
        {
            content.Headers.ContentType = parsed;
        }
        else if (type.Length > 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", type);
        }

        return content;
    }

    /// <summary>Query strings stay under the server's request-line limit (Kestrel answers 414 beyond it, which tests nothing of ours).</summary>
    private static string Cap(string text) => text.Length > 6_000 ? text[..6_000] : text;
}
