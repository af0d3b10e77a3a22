using CivicConnect.Geo.Places.Import;
using CivicConnect.Geo.Places.Normalize;

namespace CivicConnect.Geo.Places.Resolve;

/// <summary>A known point on a street or corner, with the quadrant it lies in (when the source says).</summary>
public readonly record struct StreetPoint(double Latitude, double Longitude, string? Quadrant, string Source);

/// <summary>
/// The whole gazetteer in memory, built once from what the import stored: street names by name
/// and type, corners by street pair (the import adds where two named lines cross, see
/// <see cref="LineCrossings"/>), civic addresses by street, and named places by alias with their
/// trigrams. Immutable; a new import builds a new index.
/// </summary>
public sealed class PlaceIndex
{
    private readonly Dictionary<string, HashSet<string>> keysByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StreetName> streets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StreetPoint>> pointsByStreet = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), List<StreetPoint>> corners = [];
    private readonly Dictionary<string, List<KnownAddress>> addressesByStreet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<KnownPlace>> placesByAlias = new(StringComparer.Ordinal);
    private readonly List<(string Alias, HashSet<string> Trigrams)> aliasTrigrams = [];
    private readonly List<(string Name, HashSet<string> Trigrams)> nameTrigrams = [];
    private readonly PointGrid<KnownAddress> addressGrid = new();
    private readonly PointGrid<KnownPlace> placeGrid = new();
    private readonly PointGrid<(string First, string Second, StreetPoint Point)> cornerGrid = new();

    private PlaceIndex()
    {
    }

    public int CornerCount => corners.Count;

    public int StreetCount => streets.Count;

    public static PlaceIndex Build(PlaceSet set)
    {
        var index = new PlaceIndex();
        foreach (var corner in set.Corners)
        {
            index.AddCorner(corner.First, corner.Second, new StreetPoint(corner.Latitude, corner.Longitude, corner.Quadrant, corner.Source));
        }

        foreach (var address in set.Addresses)
        {
            index.AddStreet(address.Street, new StreetPoint(address.Latitude, address.Longitude, address.Street.Quadrant, "address"));
            index.addressesByStreet.GetOrAdd(address.Street.Key).Add(address);
            index.addressGrid.Add(address.Latitude, address.Longitude, address);
        }

        index.AddLines(set.Lines);
        foreach (var place in set.Places)
        {
            if (!place.Coarse)
            {
                index.placeGrid.Add(place.Latitude, place.Longitude, place);
            }

            foreach (var alias in place.Aliases)
            {
                index.placesByAlias.GetOrAdd(alias).Add(place);
            }
        }

        index.aliasTrigrams.AddRange(index.placesByAlias.Keys.Select(a => (a, Trigrams.Of(a))));
        index.nameTrigrams.AddRange(index.keysByName.Keys.Where(n => !char.IsAsciiDigit(n[0])).Select(n => (n, Trigrams.Of(n))));
        return index;
    }

    /// <summary>Known keys ("macleod TR") for a street name ("macleod"), any type.</summary>
    public IReadOnlySet<string> KeysNamed(string name) => keysByName.TryGetValue(name, out var keys) ? keys : [];

    public StreetName Street(string key) => streets[key];

    public IReadOnlyList<StreetPoint> PointsOn(string key) => pointsByStreet.TryGetValue(key, out var points) ? points : [];

    public IReadOnlyList<StreetPoint> CornersOf(string firstKey, string secondKey) =>
        corners.TryGetValue(Pair(firstKey, secondKey), out var points) ? points : [];

    public IReadOnlyList<KnownAddress> AddressesOn(string key) => addressesByStreet.TryGetValue(key, out var list) ? list : [];

    public IReadOnlyList<KnownPlace> PlacesCalled(string alias) => placesByAlias.TryGetValue(alias, out var list) ? list : [];

    public (KnownAddress Address, double Metres)? NearestAddress(double latitude, double longitude, double withinMetres) =>
        addressGrid.Nearest(latitude, longitude, withinMetres);

    /// <summary>The nearest named place (not a community), for a pin with no address or corner near it.</summary>
    public KnownPlace? NearestPlace(double latitude, double longitude, double withinMetres) =>
        placeGrid.Nearest(latitude, longitude, withinMetres)?.Item;

    /// <summary>The nearest recorded corner (signal, junction or stop; not a line crossing, which may be an overpass).</summary>
    public (string First, string Second, StreetPoint Point, double Metres)? NearestCorner(double latitude, double longitude, double withinMetres) =>
        cornerGrid.Nearest(latitude, longitude, withinMetres) is { } found ? (found.Item.First, found.Item.Second, found.Item.Point, found.Metres) : null;

    /// <summary>
    /// The longest alias said inside a sentence ("graffiti on a sign at the saddledome offensive" →
    /// "saddledome"), whole words only; null when none is.
    /// </summary>
    public string? LongestAliasWithin(string words)
    {
        var padded = " " + words + " ";
        string? best = null;
        foreach (var alias in placesByAlias.Keys)
        {
            if (alias.Length >= 4 && (best is null || alias.Length > best.Length) && padded.Contains(" " + alias + " ", StringComparison.Ordinal))
            {
                best = alias;
            }
        }

        return best;
    }

    /// <summary>Aliases of named places most like <paramref name="words"/>, by trigram similarity.</summary>
    public IEnumerable<(string Alias, double Similarity)> SimilarAliases(string words, double threshold)
    {
        var trigrams = Trigrams.Of(words);
        return aliasTrigrams.Select(a => (a.Alias, Similarity: Trigrams.Similarity(trigrams, a.Trigrams)))
            .Where(a => a.Similarity >= threshold)
            .OrderByDescending(a => a.Similarity);
    }

    /// <summary>Street names most like a misspelt one ("crowchlid" → "crowchild").</summary>
    public IEnumerable<(string Name, double Similarity)> SimilarNames(string name, double threshold)
    {
        var trigrams = Trigrams.Of(name);
        return nameTrigrams.Select(n => (n.Name, Similarity: Trigrams.Similarity(trigrams, n.Trigrams)))
            .Where(n => n.Similarity >= threshold)
            .OrderByDescending(n => n.Similarity);
    }

    private void AddCorner(StreetName first, StreetName second, StreetPoint point)
    {
        AddStreet(first, point);
        AddStreet(second, point);
        corners.GetOrAdd(Pair(first.Key, second.Key)).Add(point);
        if (point.Source != "line" && first.Type is not null && second.Type is not null)
        {
            cornerGrid.Add(point.Latitude, point.Longitude, (first.Key, second.Key, point));
        }
    }

    private void AddStreet(StreetName street, StreetPoint point)
    {
        if (street.Type is null)
        {
            return;
        }

        keysByName.GetOrAdd(street.Name).Add(street.Key);
        streets.TryAdd(street.Key, street with { Quadrant = null });
        pointsByStreet.GetOrAdd(street.Key).Add(point);
    }

    /// <summary>Every vertex of a named line is a point on its street (for "approaching", snapping and closest approach).</summary>
    private void AddLines(IReadOnlyList<KnownStreetLine> lines)
    {
        foreach (var line in lines)
        {
            foreach (var c in line.Line.Coordinates)
            {
                AddStreet(line.Street, new StreetPoint(c.Y, c.X, line.Street.Quadrant, "line"));
            }
        }
    }

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
