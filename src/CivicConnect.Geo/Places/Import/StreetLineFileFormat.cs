using CivicConnect.Geo.Places.Normalize;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace CivicConnect.Geo.Places.Import;

/// <summary>
/// Named street geometry: STREET_NAME ("MILLSIDE BV SE") and a WKT MULTILINESTRING (lon lat);
/// ramps are left out (they carry the freeway's name but not its line). A centreline export with
/// the same two columns imports the same way.
/// </summary>
public sealed class StreetLineFileFormat : IPlaceFileFormat
{
    private readonly WKTReader reader = new(new NtsGeometryServices(new PrecisionModel(), 4326));

    public string Describes => "named street segments";

    public IReadOnlyList<string> RequiredColumns { get; } = ["STREET_NAME", "multiline"];

    public bool Read(IReadOnlyDictionary<string, string> row, PlaceSet into)
    {
        if (StreetNameNormalizer.Normalize(row["STREET_NAME"]) is not { Type: not null } street)
        {
            return false;
        }

        try
        {
            if (reader.Read(row["multiline"]) is MultiLineString { IsEmpty: false } line)
            {
                into.Lines.Add(new KnownStreetLine(street, line));
                return true;
            }
        }
        catch (ParseException)
        {
        }

        return false;
    }
}
