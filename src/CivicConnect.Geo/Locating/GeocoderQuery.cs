using CivicConnect.Geo.Places.Normalize;
using CivicConnect.Geo.Places.Parse;

namespace CivicConnect.Geo.Locating;

/// <summary>The first reading of a place phrase, as a query for the fallback geocoder.</summary>
public static class GeocoderQuery
{
    /// <param name="text">What the citizen typed: a place name goes to the geocoder as written.</param>
    public static LocationQuery? From(IReadOnlyList<PlacePhrase> readings, string text) => readings.Count == 0 ? null : readings[0] switch
    {
        StreetPhrase street => new LocationQuery(LocationQueryKind.Street, Street: Ref(street.Street)),
        CornerPhrase corner => new LocationQuery(LocationQueryKind.Intersection, Street: Ref(corner.First), CrossStreet: Ref(corner.Second)),
        BetweenPhrase between => new LocationQuery(LocationQueryKind.Intersection, Street: Ref(between.Street), CrossStreet: Ref(between.From)),
        AddressPhrase address => new LocationQuery(LocationQueryKind.Address, HouseNumber: $"{address.Number}{address.Suffix}", Street: Ref(address.Street)),
        NamedPhrase => new LocationQuery(LocationQueryKind.Place, Place: text.Trim()),
        _ => null,
    };

    private static StreetRef Ref(StreetName street)
    {
        var label = street with { Quadrant = null, Type = null };
        return new StreetRef(label.Label, street.Type, street.Quadrant);
    }
}
