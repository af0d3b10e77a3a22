using System.Globalization;
using System.Text.Json;

namespace CivicConnect.Screenshots;

/// <summary>
/// Files a dozen reports through the city's Open311 API (the development key), at real Calgary
/// places, so the queue, the map and the dashboard have something to show.
/// </summary>
internal static class DemoReports
{
    private const string DevelopmentKey = "dev-open311-key";

    private static readonly (string Keyword, double Lat, double Lon, string Description)[] Reports =
    [
        ("pothole", 51.0375, -114.0630, "Deep pothole in the curb lane of 17 Ave SW near 1 St SW, cars swerving around it"),
        ("pothole", 51.0530, -114.0860, "Pothole on 10 St NW by the Kensington Rd lights"),
        ("streetlight", 51.0447, -114.0719, "Streetlight out at Centre St and 8 Ave SE, whole corner dark"),
        ("streetlight", 51.0810, -114.1300, "Two lights flickering on Crowchild Trail NW path by the university"),
        ("graffiti", 51.0420, -114.0550, "Graffiti on the underpass wall at 4 St SE and 9 Ave SE"),
        ("graffiti", 51.0486, -114.0708, "Tags painted on the bus shelter at 7 Ave SW and 1 St SW"),
        ("water", 51.0100, -114.0900, "Water bubbling up from the boulevard on Elbow Dr SW, running down the gutter"),
        ("cart", 51.1200, -114.0700, "Black cart missed on our street in Harvest Hills, all neighbours were picked up"),
        ("sidewalk", 51.0290, -114.0400, "Sidewalk heaved and cracked, a tripping hazard by the school on 26 Ave SE"),
        ("parks", 51.0650, -114.1000, "Large branch hanging over the sidewalk after the wind storm on 5 Ave NW"),
        ("snow", 50.9800, -114.0700, "Sidewalk not cleared for a week on Macleod Trail S service road"),
        ("pothole", 51.0900, -113.9800, "Several potholes along 32 Ave NE near Barlow Trail"),
    ];

    /// <returns>The service request ids, first filed first.</returns>
    public static async Task<IReadOnlyList<string>> FileAsync(HttpClient http)
    {
        var services = await ServicesAsync(http);
        var ids = new List<string>();
        foreach (var (keyword, lat, lon, description) in Reports)
        {
            var code = services.FirstOrDefault(s => s.Name.Contains(keyword, StringComparison.OrdinalIgnoreCase) || s.Code.Contains(keyword, StringComparison.OrdinalIgnoreCase)).Code
                ?? services[ids.Count % services.Count].Code;
            var fields = new Dictionary<string, string>
            {
                ["api_key"] = DevelopmentKey,
                ["service_code"] = code,
                ["lat"] = lat.ToString(CultureInfo.InvariantCulture),
                ["long"] = lon.ToString(CultureInfo.InvariantCulture),
                ["description"] = description,
            };
            foreach (var (attribute, value) in await RequiredAnswersAsync(http, code))
            {
                fields[$"attribute[{attribute}]"] = value;
            }

            using var response = await http.PostAsync("open311/v2/requests.json", new FormUrlEncodedContent(fields));
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Open311 refused a demo report ({(int)response.StatusCode}): {body}");
            }

            using var document = JsonDocument.Parse(body);
            if (document.RootElement[0].TryGetProperty("service_request_id", out var id))
            {
                ids.Add(id.GetString()!);
            }
        }

        return ids;
    }

    /// <summary>An answer for each attribute the service requires (the first listed value, else "yes"), as an Open311 client would give.</summary>
    private static async Task<List<(string Code, string Value)>> RequiredAnswersAsync(HttpClient http, string serviceCode)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync($"open311/v2/services/{Uri.EscapeDataString(serviceCode)}.json"));
        var answers = new List<(string, string)>();
        if (!document.RootElement.TryGetProperty("attributes", out var attributes))
        {
            return answers;
        }

        foreach (var attribute in attributes.EnumerateArray().Where(a => a.TryGetProperty("required", out var r) && r.GetBoolean()))
        {
            var value = attribute.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0
                ? values[0].GetProperty("key").ToString()
                : "yes";
            answers.Add((attribute.GetProperty("code").GetString()!, value));
        }

        return answers;
    }

    private static async Task<List<(string Code, string Name)>> ServicesAsync(HttpClient http)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("open311/v2/services.json"));
        return document.RootElement.EnumerateArray()
            .Select(s => (s.GetProperty("service_code").GetString()!, s.GetProperty("service_name").GetString() ?? string.Empty))
            .ToList();
    }
}
