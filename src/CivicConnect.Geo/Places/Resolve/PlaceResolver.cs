using CivicConnect.Geo.Places.Import;
using CivicConnect.Geo.Places.Normalize;
using CivicConnect.Geo.Places.Parse;

namespace CivicConnect.Geo.Places.Resolve;

/// <summary>
/// From a place phrase to candidates, using only the gazetteer: corners by street pair (and where
/// two streets come closest when no corner is recorded), addresses exactly or interpolated along
/// the street, named places by alias and then by trigram similarity. Several candidates far apart
/// are returned as a question, never reduced to a guess.
/// </summary>
public sealed class PlaceResolver(PlaceIndex index)
{
    /// <summary>
    /// Points of one corner lie within this of each other: a stop stands a few tens of metres off,
    /// and an interchange's ramps spread over several hundred metres. Two streets that truly meet
    /// twice this close (a loop road) are answered with one point between, within 400 m of both.
    /// </summary>
    public const double CornerRadiusMetres = 800;

    /// <summary>Two streets with no recorded corner "meet" where their known points come this close.</summary>
    public const double ApproachMetres = 150;

    /// <summary>
    /// Trigram similarity below which a street name is not even compared for typing slips; low,
    /// because the slip count decides (one slip in "crowchlid" leaves only 0.43 of the trigrams).
    /// </summary>
    public const double StreetNameSimilarity = 0.3;

    /// <summary>Trigram similarity for a misspelt place name.</summary>
    public const double PlaceNameSimilarity = 0.5;

    private const int MaxChoices = 5;

    /// <summary>How close the nearest of several candidates must be to a clue (a community named) to settle the question alone.</summary>
    public const double ClueMetres = 3000;

    /// <summary>
    /// Resolves <paramref name="text"/>, ranking several candidates by a clue from earlier in the
    /// conversation: when one is within <see cref="ClueMetres"/> of it and the next is at least
    /// twice as far, that one is the answer; otherwise they stay a question, nearest first.
    /// </summary>
    public PlaceResolution Resolve(string text, (double Latitude, double Longitude)? near)
    {
        var resolution = Resolve(text);
        if (near is not { } clue || resolution.Candidates.Count < 2)
        {
            return resolution;
        }

        var ranked = resolution.Candidates
            .Select(c => (Candidate: c, Metres: GeoMath.Metres(c.Latitude, c.Longitude, clue.Latitude, clue.Longitude)))
            .OrderBy(c => c.Metres)
            .ToList();
        return ranked[0].Metres <= ClueMetres && ranked[1].Metres >= ranked[0].Metres * 2
            ? resolution with { Candidates = [ranked[0].Candidate] }
            : resolution with { Candidates = ranked.Select(c => c.Candidate).ToList() };
    }

    public PlaceResolution Resolve(string text)
    {
        var phrases = PlacePhraseParser.Parse(text);
        foreach (var phrase in phrases)
        {
            var candidates = phrase switch
            {
                CornerPhrase corner => Offset(Corner(corner.First, corner.Second), corner),
                BetweenPhrase between => Between(between),
                AddressPhrase address => Address(address),
                NamedPhrase named => Named(named),
                _ => [],
            };
            if (candidates.Count > 0)
            {
                var coarse = candidates.All(c => c.Kind == "community");
                return new PlaceResolution(coarse ? PhrasingKind.Community : phrase.Kind, candidates, coarse);
            }
        }

        return phrases.Count == 0 ? PlaceResolution.None : new PlaceResolution(phrases[0].Kind, []);
    }

    /// <summary>How far a pin may be from the nearest known address or corner and still be read back by it.</summary>
    public const double DescribeWithinMetres = 250;

    /// <summary>A pin this close to a landmark is at it ("Calgary City Hall"); this close to a corner, at the corner.</summary>
    public const double AtMetres = 80;

    /// <summary>
    /// A pin or a photo's GPS point read back from the same data, so the citizen can confirm it:
    /// the landmark or corner it stands at, else the nearest civic address ("815 7 Ave SW"), else
    /// the nearest corner; null when nothing is within <see cref="DescribeWithinMetres"/>.
    /// </summary>
    public PlaceCandidate? Describe(double latitude, double longitude)
    {
        if (index.NearestPlace(latitude, longitude, AtMetres) is { } landmark)
        {
            return new PlaceCandidate(landmark.Name, landmark.Latitude, landmark.Longitude, landmark.Kind, 0);
        }

        var corner = index.NearestCorner(latitude, longitude, DescribeWithinMetres);
        var address = index.NearestAddress(latitude, longitude, DescribeWithinMetres);
        if (corner is { } c && (c.Metres <= AtMetres || address is null))
        {
            return new PlaceCandidate(CornerLabel(c.First, c.Second, c.Point.Quadrant), c.Point.Latitude, c.Point.Longitude, "corner", c.Metres);
        }

        if (address is { } near)
        {
            var a = near.Address;
            return new PlaceCandidate(AddressLabel(a.Number, a.Suffix, a.Street, block: false), a.Latitude, a.Longitude, "address", near.Metres);
        }

        return null;
    }

    private List<PlaceCandidate> Corner(StreetName first, StreetName second)
    {
        var quadrant = first.Quadrant ?? second.Quadrant;
        var firstKeys = Keys(first);
        var secondKeys = Keys(second);
        var points = new List<(StreetPoint Point, string First, string Second)>();
        foreach (var a in firstKeys)
        {
            foreach (var b in secondKeys.Where(b => b != a))
            {
                points.AddRange(index.CornersOf(a, b).Where(p => Quadrants.Compatible(quadrant, p.Quadrant)).Select(p => (p, a, b)));
            }
        }

        if (points.Count == 0)
        {
            return Approach(firstKeys, secondKeys, quadrant);
        }

        return Clusters(points.Select(p => p.Point))
            .Take(MaxChoices)
            .Select(c =>
            {
                var (_, a, b) = points.First(p => p.Point == c.Members[0]);
                return new PlaceCandidate(CornerLabel(a, b, c.Quadrant ?? quadrant), c.Latitude, c.Longitude, "corner", 50);
            })
            .ToList();
    }

    /// <summary>How far from the corner "approaching B" and "north of B" usually are (measured on the development phrasings).</summary>
    public const double OffsetMetres = 250;

    /// <summary>
    /// "Southbound A approaching B", "A north of B": the known point on A in that direction nearest
    /// to <see cref="OffsetMetres"/> from the corner; the corner itself when A has none there.
    /// </summary>
    private List<PlaceCandidate> Offset(List<PlaceCandidate> corners, CornerPhrase phrase)
    {
        if (phrase.Towards is null || corners.Count != 1)
        {
            return corners;
        }

        var corner = corners[0];
        var (north, east) = phrase.Towards switch { "N" => (1.0, 0.0), "S" => (-1.0, 0.0), "E" => (0.0, 1.0), _ => (0.0, -1.0) };
        var best = (Score: double.MaxValue, Point: default(StreetPoint));
        foreach (var point in Keys(phrase.First).SelectMany(index.PointsOn))
        {
            var distance = GeoMath.Metres(corner.Latitude, corner.Longitude, point.Latitude, point.Longitude);
            if (distance is < 50 or > OffsetMetres * 3)
            {
                continue;
            }

            // Direction of the point from the corner, on a local flat map.
            var dy = point.Latitude - corner.Latitude;
            var dx = (point.Longitude - corner.Longitude) * Math.Cos(double.DegreesToRadians(corner.Latitude));
            var along = ((dy * north) + (dx * east)) / Math.Sqrt((dx * dx) + (dy * dy));
            var score = Math.Abs(distance - OffsetMetres);
            if (along >= 0.7 && score < best.Score)
            {
                best = (score, point);
            }
        }

        return best.Score == double.MaxValue ? corners : [corner with { Latitude = best.Point.Latitude, Longitude = best.Point.Longitude, Kind = "corner", UncertaintyMetres = OffsetMetres }];
    }

    /// <summary>Streets with no recorded corner: where their known points come closest, if close enough.</summary>
    private List<PlaceCandidate> Approach(IReadOnlyList<string> firstKeys, IReadOnlyList<string> secondKeys, string? quadrant)
    {
        var best = (Distance: double.MaxValue, Latitude: 0.0, Longitude: 0.0, First: "", Second: "", Quadrant: (string?)null);
        foreach (var a in firstKeys)
        {
            var onA = index.PointsOn(a).Where(p => Quadrants.Compatible(quadrant, p.Quadrant)).ToList();
            foreach (var b in secondKeys.Where(b => b != a))
            {
                foreach (var q in index.PointsOn(b).Where(p => Quadrants.Compatible(quadrant, p.Quadrant)))
                {
                    foreach (var p in onA)
                    {
                        if (Math.Abs(p.Latitude - q.Latitude) > 0.002)
                        {
                            continue;
                        }

                        var d = GeoMath.Metres(p.Latitude, p.Longitude, q.Latitude, q.Longitude);
                        if (d < best.Distance)
                        {
                            best = (d, (p.Latitude + q.Latitude) / 2, (p.Longitude + q.Longitude) / 2, a, b, p.Quadrant ?? q.Quadrant);
                        }
                    }
                }
            }
        }

        return best.Distance <= ApproachMetres
            ? [new PlaceCandidate(CornerLabel(best.First, best.Second, best.Quadrant ?? quadrant), best.Latitude, best.Longitude, "corner", 100)]
            : [];
    }

    private List<PlaceCandidate> Between(BetweenPhrase phrase)
    {
        var from = Corner(phrase.Street, phrase.From);
        var to = Corner(phrase.Street, phrase.To);
        if (from.Count != 1 || to.Count != 1)
        {
            return from.Count > 1 ? from : [];
        }

        var label = $"{phrase.Street.Label} between {phrase.From.Label} and {phrase.To.Label}";
        return [new PlaceCandidate(label, (from[0].Latitude + to[0].Latitude) / 2, (from[0].Longitude + to[0].Longitude) / 2, "between", GeoMath.Metres(from[0].Latitude, from[0].Longitude, to[0].Latitude, to[0].Longitude) / 2)];
    }

    private List<PlaceCandidate> Address(AddressPhrase phrase)
    {
        var number = phrase.Block ? (phrase.Number / 100 * 100) + 50 : phrase.Number;
        var results = new List<PlaceCandidate>();
        foreach (var key in Keys(phrase.Street))
        {
            var known = index.AddressesOn(key).Where(a => Quadrants.Compatible(phrase.Street.Quadrant, a.Street.Quadrant)).ToList();
            foreach (var quadrant in known.Select(a => a.Street.Quadrant).Distinct())
            {
                var street = index.Street(key) with { Quadrant = quadrant };
                var label = AddressLabel(phrase.Number, phrase.Suffix, street, phrase.Block);
                var same = known.Where(a => a.Street.Quadrant == quadrant).ToList();
                if (!phrase.Block && same.FirstOrDefault(a => a.Number == phrase.Number && (phrase.Suffix is null || a.Suffix == phrase.Suffix)) is { } exact)
                {
                    results.Add(new PlaceCandidate(label, exact.Latitude, exact.Longitude, "address", 10));
                    continue;
                }

                if (Interpolate(same, number) is { } point)
                {
                    results.Add(new PlaceCandidate(label, point.Latitude, point.Longitude, "interpolated", point.Uncertainty));
                }
            }

            if (results.Count == 0 && GridBlock(key, phrase.Street.Quadrant, number) is { } grid)
            {
                var street = index.Street(key) with { Quadrant = phrase.Street.Quadrant };
                results.Add(new PlaceCandidate(AddressLabel(phrase.Number, phrase.Suffix, street, phrase.Block), grid.Latitude, grid.Longitude, "interpolated", grid.Uncertainty));
            }
        }

        return results.Take(MaxChoices).ToList();
    }

    /// <summary>Between the nearest known numbers below and above on the same street and quadrant, in proportion.</summary>
    private static (double Latitude, double Longitude, double Uncertainty)? Interpolate(List<KnownAddress> same, int number)
    {
        var below = same.Where(a => a.Number <= number).MaxBy(a => a.Number);
        var above = same.Where(a => a.Number >= number).MinBy(a => a.Number);
        if (below is not null && above is not null && above.Number - below.Number <= 400)
        {
            var span = GeoMath.Metres(below.Latitude, below.Longitude, above.Latitude, above.Longitude);
            if (span > 2000)
            {
                return null;
            }

            var t = above.Number == below.Number ? 0 : (double)(number - below.Number) / (above.Number - below.Number);
            return (below.Latitude + ((above.Latitude - below.Latitude) * t), below.Longitude + ((above.Longitude - below.Longitude) * t), Math.Max(30, span / 4));
        }

        var near = below is not null && number - below.Number <= 100 ? below : above is not null && above.Number - number <= 100 ? above : null;
        return near is null ? null : (near.Latitude, near.Longitude, 150);
    }

    /// <summary>
    /// The numbered grid: on a numbered avenue, house 815 lies between 8 St and 9 St (and the other
    /// way round on a numbered street), so two known corners place it.
    /// </summary>
    private (double Latitude, double Longitude, double Uncertainty)? GridBlock(string key, string? quadrant, int number)
    {
        var street = index.Street(key);
        var crossType = street.Type switch { "AV" => "ST", "ST" => "AV", _ => null };
        if (crossType is null || number < 100)
        {
            return null;
        }

        var hundred = number / 100;
        var from = Corner(street with { Quadrant = quadrant }, new StreetName(hundred.ToString(System.Globalization.CultureInfo.InvariantCulture), crossType, quadrant));
        var to = Corner(street with { Quadrant = quadrant }, new StreetName((hundred + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), crossType, quadrant));
        if (from.Count == 1 && to.Count == 1)
        {
            var t = (number % 100) / 100.0;
            return (from[0].Latitude + ((to[0].Latitude - from[0].Latitude) * t), from[0].Longitude + ((to[0].Longitude - from[0].Longitude) * t), 60);
        }

        var one = from.Count == 1 ? from[0] : to.Count == 1 ? to[0] : null;
        return one is null ? null : (one.Latitude, one.Longitude, 120);
    }

    private List<PlaceCandidate> Named(NamedPhrase phrase)
    {
        var words = phrase.Words;
        var places = index.PlacesCalled(words).ToList();
        if (places.Count == 0 && words.StartsWith("the ", StringComparison.Ordinal))
        {
            places = index.PlacesCalled(words[4..]).ToList();
        }

        // A phrase shaped like two streets is not a misspelt place name ("Stoney Trail and 69 Street SW"
        // must not become "69 Street SW Station").
        // A place named inside a sentence: "dead animal on the road by Nose Hill Park".
        if (places.Count == 0 && !phrase.LooksLikeStreets && index.LongestAliasWithin(words) is { } said)
        {
            places = index.PlacesCalled(said).ToList();
        }

        if (places.Count == 0 && words.Length >= 4 && words.Count(c => c == ' ') < 5 && !phrase.LooksLikeStreets)
        {
            var similar = index.SimilarAliases(words, PlaceNameSimilarity).Take(3).ToList();
            if (similar.Count > 0)
            {
                // A clear best, or several names equally close: each is a choice.
                var top = similar[0].Similarity;
                places = similar.Where(s => s.Similarity >= top - 0.05).SelectMany(s => index.PlacesCalled(s.Alias)).ToList();
            }
        }

        // The same place under several aliases, or a place listed by two sources a few metres apart, is one place.
        var distinct = new List<KnownPlace>();
        // The city's own landmark list speaks first ("city hall" is City Hall before City Hall Station).
        foreach (var place in places.OrderBy(p => p.Coarse).ThenBy(p => p.Kind is "landmark" or "municipality" ? 0 : 1))
        {
            if (!distinct.Any(d => d.Name.Equals(place.Name, StringComparison.OrdinalIgnoreCase) || GeoMath.Metres(d.Latitude, d.Longitude, place.Latitude, place.Longitude) < 500))
            {
                distinct.Add(place);
            }
        }

        return distinct.Take(MaxChoices)
            .Select(p => new PlaceCandidate(p.Name, p.Latitude, p.Longitude, p.Coarse ? "community" : p.Kind, p.Coarse ? 1500 : 100))
            .ToList();
    }

    /// <summary>The known keys a citizen's street may mean: exact, any type of that name, or a close spelling.</summary>
    private List<string> Keys(StreetName street)
    {
        var named = index.KeysNamed(street.Name);
        if (street.Type is not null && named.Contains(street.Key))
        {
            return [street.Key];
        }

        if (named.Count > 0)
        {
            return [.. named];
        }

        if (street.IsNumbered)
        {
            return [];
        }

        // Trigrams find the spellings worth comparing; the fewest typing slips decides, and a tie is no answer.
        var close = index.SimilarNames(street.Name, StreetNameSimilarity)
            .Take(10)
            .Select(n => (n.Name, Slips: EditDistance.Between(street.Name, n.Name)))
            .Where(n => n.Slips <= EditDistance.Allowed(street.Name.Length))
            .OrderBy(n => n.Slips)
            .ToList();
        if (close.Count == 0 || (close.Count > 1 && close[1].Slips == close[0].Slips))
        {
            return [];
        }

        var similar = close;
        var keys = index.KeysNamed(similar[0].Name);
        return street.Type is not null && keys.Contains($"{similar[0].Name} {street.Type}") ? [$"{similar[0].Name} {street.Type}"] : [.. keys];
    }

    /// <summary>"17 Ave SW &amp; 4 St SW", "Centre St N &amp; 16 Ave N".</summary>
    private string CornerLabel(string a, string b, string? quadrant)
    {
        var first = index.Street(a);
        var second = index.Street(b);
        return $"{first.Label}{QuadrantSuffix(quadrant)} & {second.Label}{QuadrantSuffix(quadrant)}";
    }

    /// <summary>"815 7 Ave SW", or "1000 block of 9 Ave SW".</summary>
    private static string AddressLabel(int number, string? suffix, StreetName street, bool block) =>
        block ? $"{number / 100 * 100} block of {street.Label}" : $"{number}{suffix} {street.Label}";

    private static string QuadrantSuffix(string? quadrant) => quadrant is null ? "" : " " + quadrant;

    private static List<Cluster> Clusters(IEnumerable<StreetPoint> points)
    {
        var clusters = new List<Cluster>();
        foreach (var point in points.OrderBy(p => SourceRank(p.Source)))
        {
            var home = clusters.FirstOrDefault(c => GeoMath.Metres(c.Latitude, c.Longitude, point.Latitude, point.Longitude) <= CornerRadiusMetres);
            if (home is null)
            {
                clusters.Add(new Cluster(point));
            }
            else
            {
                home.Add(point);
            }
        }

        return clusters.OrderBy(c => SourceRank(c.Members[0].Source)).ThenByDescending(c => c.Members.Count).ToList();
    }

    /// <summary>A signal or junction marks the corner itself; a crossing of lines is exact but may be an overpass; a stop is a few metres off.</summary>
    private static int SourceRank(string source) => source switch { "signal" => 0, "junction" => 1, "line" => 2, _ => 3 };

    private sealed class Cluster(StreetPoint first)
    {
        public List<StreetPoint> Members { get; } = [first];

        public double Latitude => Best.Average(p => p.Latitude);

        public double Longitude => Best.Average(p => p.Longitude);

        public string? Quadrant => Members.Select(p => p.Quadrant).FirstOrDefault(q => q is { Length: 2 });

        private IEnumerable<StreetPoint> Best => Members.Where(p => SourceRank(p.Source) == SourceRank(Members[0].Source));

        public void Add(StreetPoint point) => Members.Add(point);
    }
}
