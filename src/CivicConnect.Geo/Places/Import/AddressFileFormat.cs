using System.Globalization;
using System.Text.RegularExpressions;
using CivicConnect.Geo.Places.Normalize;

namespace CivicConnect.Geo.Places.Import;

/// <summary>Civic addresses with the City's point: address ("3651A 21 ST NE"), community, longitude, latitude.</summary>
public sealed partial class AddressFileFormat : IPlaceFileFormat
{
    public string Describes => "civic addresses";

    public IReadOnlyList<string> RequiredColumns { get; } = ["address", "longitude", "latitude"];

    public bool Read(IReadOnlyDictionary<string, string> row, PlaceSet into)
    {
        if (!Coordinates.TryColumns(row, "latitude", "longitude", out var latitude, out var longitude)
            || Civic().Match(row["address"].Trim()) is not { Success: true } m
            || StreetNameNormalizer.Normalize(m.Groups["street"].Value) is not { Type: not null } street)
        {
            return false;
        }

        var suffix = m.Groups["suffix"].Value;
        into.Addresses.Add(new KnownAddress(
            int.Parse(m.Groups["number"].Value, CultureInfo.InvariantCulture),
            suffix.Length == 0 ? null : suffix.ToUpperInvariant(),
            street,
            latitude,
            longitude,
            row.GetValueOrDefault("community") is { Length: > 0 } community ? community : null));
        return true;
    }

    /// <summary>"3651A 21 ST NE", "905 - 13 Avenue N.W." (schools write a dash).</summary>
    [GeneratedRegex(@"^(?<number>\d{1,6})(?<suffix>[A-Za-z]?)\s*(?:-\s*)?(?<street>\S.*)$", RegexOptions.CultureInvariant)]
    internal static partial Regex Civic();
}
