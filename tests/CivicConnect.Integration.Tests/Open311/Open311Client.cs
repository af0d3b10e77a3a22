using System.Text.Json;
using System.Xml.Linq;

namespace CivicConnect.Integration.Tests.Open311;

/// <summary>Speaks GeoReport v2 as a client would: form posts, and both response formats parsed without our own types.</summary>
internal static class Open311Client
{
    public const string Key = "test-open311-key-1";

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string format, params (string Name, string Value)[] fields) =>
        client.PostAsync($"/open311/v2/requests.{format}", new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    public static (string Name, string Value)[] Pothole(params (string Name, string Value)[] extra) =>
    [
        ("api_key", Key),
        ("service_code", "pothole"),
        ("lat", "51.0379"),
        ("long", "-114.0720"),
        ("description", "Deep pothole in the curb lane"),
        ("attribute[in_lane]", "yes"),
        ("attribute[size]", "large"),
        .. extra,
    ];

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public static async Task<XDocument> XmlAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        return XDocument.Parse(text);
    }

    public static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    public static string[] Names(XElement element) => element.Elements().Select(e => e.Name.LocalName).ToArray();

    /// <summary>Asserts the spec's error body in JSON: <c>[{"code":…,"description":…}]</c>.</summary>
    public static async Task AssertJsonErrorAsync(HttpResponseMessage response, int status, string descriptionPart)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var errors = await JsonAsync(response);
        var error = Assert.Single(errors.EnumerateArray().ToList());
        Assert.Equal(["code", "description"], Names(error));
        Assert.Equal(status, error.GetProperty("code").GetInt32());
        Assert.Contains(descriptionPart, error.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Asserts the spec's error body in XML: <c>&lt;errors&gt;&lt;error&gt;&lt;code/&gt;&lt;description/&gt;</c>.</summary>
    public static async Task AssertXmlErrorAsync(HttpResponseMessage response, int status, string descriptionPart)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var xml = await XmlAsync(response);
        Assert.Equal("errors", xml.Root!.Name.LocalName);
        var error = Assert.Single(xml.Root.Elements("error"));
        Assert.Equal(["code", "description"], Names(error));
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Element("code")!.Value);
        Assert.Contains(descriptionPart, error.Element("description")!.Value, StringComparison.Ordinal);
    }
}
