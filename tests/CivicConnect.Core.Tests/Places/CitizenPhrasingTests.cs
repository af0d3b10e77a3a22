using System.Globalization;
using CivicConnect.Geo.Places.Import;
using CivicConnect.Geo.Places.Resolve;
using Xunit.Abstractions;

namespace CivicConnect.Core.Tests.Places;

/// <summary>
/// Places as citizens type them (citizen-phrasings.csv: our own phrasings — SMS shorthand,
/// French, typos, addresses, blocks, landmarks, communities), resolved against the real City
/// registers. The true point of each comes straight from the register row it names, compared as
/// plain text, so the normaliser under test never decides what the truth is.
/// </summary>
public sealed class CitizenPhrasingTests(RealGazetteerFixture city, ITestOutputHelper output) : IClassFixture<RealGazetteerFixture>
{
    [Fact]
    public void Resolve_CitizenPhrasings_AreLocatedOrAskedAsExpected()
    {
        var rows = CsvRows.Read(Path.Combine(AppContext.BaseDirectory, "Places", "citizen-phrasings.csv")).ToList();
        var failures = new List<string>();
        foreach (var row in rows)
        {
            var truth = Truth(row["truth"]) ?? throw new InvalidOperationException($"no register row for {row["truth"]}");
            var resolution = city.Resolver.Resolve(row["text"]);
            var outcome = resolution switch
            {
                { Candidates.Count: 0 } => "not found",
                { Coarse: true } or { Ambiguous: true } => resolution.Candidates.Any(c => Near(c, truth, 1500)) ? "asked" : "asked, truth not offered",
                _ => Near(resolution.Candidates[0], truth, PlaceEvaluationAllowance(resolution.Candidates[0])) ? "located" : "wrong",
            };
            if (outcome != row["expect"])
            {
                var first = resolution.Candidates.Count > 0 ? $" → {resolution.Candidates[0].Label}" : "";
                failures.Add($"{row["text"]}: {outcome}, expected {row["expect"]}{first}");
            }
        }

        output.WriteLine($"{rows.Count - failures.Count} of {rows.Count} as expected");
        failures.ForEach(output.WriteLine);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static double PlaceEvaluationAllowance(PlaceCandidate candidate) => CivicConnect.Geo.Places.Evaluate.PlaceEvaluation.AllowedMetres(candidate);

    private static bool Near(PlaceCandidate candidate, (double Latitude, double Longitude) truth, double metres) =>
        GeoMath.Metres(candidate.Latitude, candidate.Longitude, truth.Latitude, truth.Longitude) <= metres;

    private (double Latitude, double Longitude)? Truth(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        var (kind, key) = (reference[..colon], reference[(colon + 1)..]);
        var row = kind switch
        {
            "signal" => city.Row("traffic_signals_2020.csv", r => $"{r["FIRSTROAD"]}|{r["SECONDROAD"]}|{r["QUADRANT"]}" == key),
            "address" => city.Row("civic_addresses_2026-01.csv.gz", r => r["address"] == key),
            "service" => city.Row("community_services.csv", r => r["NAME"].StartsWith(key, StringComparison.Ordinal)),
            "school" => city.Row("schools_2021.csv", r => r["NAME_AB"] == key),
            "community" => city.Row("community_points.csv", r => r["NAME"] == key),
            "station" => city.Row("lrt_stations.csv", r => r["STATIONNAM"] == key),
            _ => null,
        };
        if (kind == "point")
        {
            var parts = key.Split(';');
            return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        if (row is null)
        {
            return null;
        }

        if (row.TryGetValue("the_geom", out var wkt) && Coordinates.TryWktPoint(wkt, out var lat, out var lon))
        {
            return (lat, lon);
        }

        return Coordinates.TryColumns(row, "latitude", "longitude", out lat, out lon) ? (lat, lon) : null;
    }
}
