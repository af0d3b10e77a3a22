using System.Globalization;
using System.Text;
using CivicConnect.Geo.Places.Import;
using CivicConnect.Geo.Places.Parse;
using CivicConnect.Geo.Places.Resolve;

namespace CivicConnect.Geo.Places.Evaluate;

/// <summary>One phrase with the place it truly means.</summary>
public sealed record LabelledPlace(string Text, double Latitude, double Longitude);

/// <summary>
/// Measures the resolver on labelled phrases: the share located within the distance allowed for
/// the kind of answer (corner 400 m, address 300 m, named place 1.2 km), the share answered with a
/// question instead, the share confidently wrong and the share not found — by phrasing type.
/// </summary>
public static class PlaceEvaluation
{
    public static IEnumerable<LabelledPlace> ReadCsv(string path, string textColumn, string latitudeColumn, string longitudeColumn)
    {
        foreach (var row in CsvRows.Read(path))
        {
            if (row.GetValueOrDefault(textColumn) is { } text && !string.IsNullOrWhiteSpace(text)
                && Coordinates.TryColumns(row, latitudeColumn, longitudeColumn, out var latitude, out var longitude))
            {
                yield return new LabelledPlace(text.Trim(), latitude, longitude);
            }
        }
    }

    public static Report Run(PlaceResolver resolver, IEnumerable<LabelledPlace> phrases, int examplesPerOutcome = 0)
    {
        var report = new Report();
        foreach (var phrase in phrases)
        {
            var resolution = resolver.Resolve(phrase.Text);
            var outcome = Judge(resolution, phrase);
            var line = report.Lines.GetValueOrDefault(resolution.Phrasing?.ToString() ?? "unread") ?? new Tally();
            report.Lines[resolution.Phrasing?.ToString() ?? "unread"] = line;
            line.Add(outcome);
            report.Total.Add(outcome);
            if (examplesPerOutcome > 0 && outcome != Outcome.Located)
            {
                var list = report.Examples.GetValueOrDefault(outcome) ?? [];
                report.Examples[outcome] = list;
                if (list.Count < examplesPerOutcome)
                {
                    var first = resolution.Candidates.Count > 0 ? resolution.Candidates[0] : null;
                    var off = first is null ? "" : $" → {first.Label} ({GeoMath.Metres(first.Latitude, first.Longitude, phrase.Latitude, phrase.Longitude):N0} m)";
                    list.Add($"{phrase.Text}{off}");
                }
            }
        }

        return report;
    }

    /// <summary>How far an answer may be from the truth and still count as found, by what kind of place it is.</summary>
    public static double AllowedMetres(PlaceCandidate candidate) => candidate.Kind switch
    {
        "address" or "interpolated" => 300,
        "corner" or "between" => 400,
        _ => 1200,
    };

    private static Outcome Judge(PlaceResolution resolution, LabelledPlace truth)
    {
        if (resolution.Candidates.Count == 0)
        {
            return Outcome.NotFound;
        }

        if (resolution.Coarse || resolution.Ambiguous)
        {
            return Outcome.Asked;
        }

        var answer = resolution.Candidates[0];
        return GeoMath.Metres(answer.Latitude, answer.Longitude, truth.Latitude, truth.Longitude) <= AllowedMetres(answer) ? Outcome.Located : Outcome.Wrong;
    }

    public enum Outcome
    {
        Located,
        Asked,
        Wrong,
        NotFound,
    }

    public sealed class Tally
    {
        private readonly int[] counts = new int[4];

        public int Count => counts.Sum();

        public void Add(Outcome outcome) => counts[(int)outcome]++;

        public double Share(Outcome outcome) => Count == 0 ? 0 : (double)counts[(int)outcome] / Count;
    }

    public sealed class Report
    {
        public Dictionary<string, Tally> Lines { get; } = new(StringComparer.Ordinal);

        public Tally Total { get; } = new();

        public Dictionary<Outcome, List<string>> Examples { get; } = [];

        public override string ToString()
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"{"phrasing",-12} {"phrases",8} {"located",8} {"asked",8} {"wrong",8} {"not found",10}");
            foreach (var (name, tally) in Lines.OrderByDescending(l => l.Value.Count).Append(new KeyValuePair<string, Tally>("all", Total)))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{name,-12} {tally.Count,8} {tally.Share(Outcome.Located),8:P1} {tally.Share(Outcome.Asked),8:P1} {tally.Share(Outcome.Wrong),8:P1} {tally.Share(Outcome.NotFound),10:P1}");
            }

            foreach (var (outcome, examples) in Examples)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"-- {outcome}:");
                foreach (var example in examples)
                {
                    text.AppendLine("   " + example);
                }
            }

            return text.ToString();
        }
    }
}
