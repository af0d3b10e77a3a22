using CivicConnect.Geo.Places.Normalize;
using NetTopologySuite.Geometries;

namespace CivicConnect.Geo.Places.Import;

/// <summary>
/// Where two differently named lines cross: corners that no signal or stop marks, such as
/// interchanges and overpasses (Crowchild Trail over Bow Trail). Computed once at import.
/// </summary>
public static class LineCrossings
{
    public static IEnumerable<KnownCorner> Find(IReadOnlyList<KnownStreetLine> lines)
    {
        var byStreet = lines.GroupBy(l => l.Street.Key).Select(g => (Lines: g.ToList(), Envelope: Envelope(g))).ToList();
        for (var i = 0; i < byStreet.Count; i++)
        {
            for (var j = i + 1; j < byStreet.Count; j++)
            {
                if (!byStreet[i].Envelope.Intersects(byStreet[j].Envelope))
                {
                    continue;
                }

                foreach (var a in byStreet[i].Lines)
                {
                    foreach (var b in byStreet[j].Lines)
                    {
                        // Lines named in different quadrants ("16 AV NE", "STONEY TR NW") cannot meet.
                        if (!a.Line.EnvelopeInternal.Intersects(b.Line.EnvelopeInternal) || !Quadrants.Compatible(a.Street.Quadrant, b.Street.Quadrant))
                        {
                            continue;
                        }

                        var quadrant = a.Street.Quadrant is { Length: 2 } ? a.Street.Quadrant : b.Street.Quadrant;
                        foreach (var c in a.Line.Intersection(b.Line).Coordinates)
                        {
                            yield return new KnownCorner(a.Street, b.Street, quadrant, c.Y, c.X, "line");
                        }
                    }
                }
            }
        }
    }

    private static Envelope Envelope(IEnumerable<KnownStreetLine> lines)
    {
        var envelope = new Envelope();
        foreach (var line in lines)
        {
            envelope.ExpandToInclude(line.Line.EnvelopeInternal);
        }

        return envelope;
    }
}
