using System.Globalization;
using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CivicConnect.Integration.Tests.Location;

/// <summary>
/// A WireMock.Net server answering like Nominatim's /search with format=jsonv2: an array of
/// places whose lat/lon are strings, with the licence, OSM ids, rank and bounding box it sends.
/// </summary>
public sealed class NominatimStandIn : IDisposable
{
    public const string UserAgent = "CivicConnect-tests/1.0 (integration tests)";

    public WireMockServer Server { get; } = WireMockServer.Start();

    public string Url => Server.Url!;

    /// <summary>Answers a structured search (street=…) or a free-text one (q=…) with these places.</summary>
    public void Answer(string parameter, string value, params (double Lat, double Lon, string DisplayName)[] places) =>
        Server.Given(Request.Create().WithPath("/search").UsingGet()
                .WithParam("format", "jsonv2").WithParam("bounded", "1").WithParam("countrycodes", "ca")
                .WithParam(parameter, value))
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "application/json; charset=utf-8")
                .WithBody(Json(places)));

    public void FailEverything(int status, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(status == 200 ? "[]" : "{\"error\":\"unavailable\"}");
        if (delay is { } d)
        {
            response = response.WithDelay(d);
        }

        Server.Given(Request.Create().WithPath("/search", "/reverse").UsingGet()).RespondWith(response);
    }

    /// <summary>Answers /reverse for this point (as the geocoder is asked: 7 decimals) like Nominatim's jsonv2, with its address breakdown.</summary>
    public void AnswerReverse(double lat, double lon, string? houseNumber, string road, string suburb) =>
        Server.Given(ReverseRequest(lat, lon))
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "application/json; charset=utf-8")
                .WithBody(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["place_id"] = 310_000,
                    ["licence"] = "Data © OpenStreetMap contributors, ODbL 1.0. https://osm.org/copyright",
                    ["osm_type"] = houseNumber is null ? "way" : "node",
                    ["osm_id"] = 25_000_000,
                    ["lat"] = lat.ToString("0.0000000", CultureInfo.InvariantCulture),
                    ["lon"] = lon.ToString("0.0000000", CultureInfo.InvariantCulture),
                    ["category"] = houseNumber is null ? "highway" : "place",
                    ["type"] = houseNumber is null ? "secondary" : "house",
                    ["place_rank"] = 30,
                    ["importance"] = 0.00001,
                    ["addresstype"] = houseNumber is null ? "road" : "place",
                    ["name"] = houseNumber is null ? road : string.Empty,
                    ["display_name"] = string.Join(", ", new[] { houseNumber, road, suburb, "Calgary", "Alberta", "T2T 0A1", "Canada" }.Where(p => p is not null)),
                    ["address"] = new Dictionary<string, string?>
                    {
                        ["house_number"] = houseNumber,
                        ["road"] = road,
                        ["suburb"] = suburb,
                        ["city"] = "Calgary",
                        ["state"] = "Alberta",
                        ["ISO3166-2-lvl4"] = "CA-AB",
                        ["postcode"] = "T2T 0A1",
                        ["country"] = "Canada",
                        ["country_code"] = "ca",
                    }.Where(kv => kv.Value is not null).ToDictionary(),
                    ["boundingbox"] = new[] { "51.0378", "51.0380", "-114.0721", "-114.0719" },
                })));

    /// <summary>Nominatim's answer where it has no address: 200 with an error object.</summary>
    public void NoAddressAt(double lat, double lon) =>
        Server.Given(ReverseRequest(lat, lon))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody("{\"error\":\"Unable to geocode\"}"));

    public int SearchCount => Server.LogEntries.Count(e => e.RequestMessage.Path == "/search");

    public int ReverseCount => Server.LogEntries.Count(e => e.RequestMessage.Path == "/reverse");

    private static IRequestBuilder ReverseRequest(double lat, double lon) =>
        Request.Create().WithPath("/reverse").UsingGet()
            .WithParam("format", "jsonv2")
            .WithParam("lat", lat.ToString("0.#######", CultureInfo.InvariantCulture))
            .WithParam("lon", lon.ToString("0.#######", CultureInfo.InvariantCulture));

    public void Dispose() => Server.Stop();

    private static string Json((double Lat, double Lon, string DisplayName)[] places) =>
        JsonSerializer.Serialize(places.Select((p, i) => new Dictionary<string, object>
        {
            ["place_id"] = 300_000 + i,
            ["licence"] = "Data © OpenStreetMap contributors, ODbL 1.0. https://osm.org/copyright",
            ["osm_type"] = "way",
            ["osm_id"] = 24_000_000 + i,
            ["lat"] = p.Lat.ToString("0.0000000", CultureInfo.InvariantCulture),
            ["lon"] = p.Lon.ToString("0.0000000", CultureInfo.InvariantCulture),
            ["category"] = "highway",
            ["type"] = "secondary",
            ["place_rank"] = 26,
            ["importance"] = 0.0533,
            ["addresstype"] = "road",
            ["name"] = p.DisplayName.Split(',')[0],
            ["display_name"] = p.DisplayName,
            ["boundingbox"] = new[]
            {
                (p.Lat - 0.0005).ToString("0.0000000", CultureInfo.InvariantCulture), (p.Lat + 0.0005).ToString("0.0000000", CultureInfo.InvariantCulture),
                (p.Lon - 0.0005).ToString("0.0000000", CultureInfo.InvariantCulture), (p.Lon + 0.0005).ToString("0.0000000", CultureInfo.InvariantCulture),
            },
        }));
}
