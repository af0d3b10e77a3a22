using System.Globalization;
using CivicConnect.Geo.Places.Normalize;

namespace CivicConnect.Geo.Locating;

public enum LocationQueryKind
{
    /// <summary>A house number on a street: "1234 17 Ave SW".</summary>
    Address,

    /// <summary>A street with no house number: "17 Ave SW".</summary>
    Street,

    /// <summary>Two streets crossing: "17 Ave SW &amp; 4 St SW".</summary>
    Intersection,

    /// <summary>A community or landmark: "Kensington", "City Hall".</summary>
    Place,
}

/// <summary>One street: name ("17", "Macleod"), the City's type abbreviation ("AV", "TR") and quadrant ("SW", "N").</summary>
public sealed record StreetRef(string Name, string? Type = null, string? Quadrant = null)
{
    public bool IsNumbered => Name.All(char.IsAsciiDigit);

    /// <summary>Short form for the citizen: "17 Ave SW".</summary>
    public override string ToString() => Join(Name, Type is null ? null : StreetTypeWords.LabelForm(Type), Quadrant);

    /// <summary>Long form as OpenStreetMap names streets: "17 Avenue SW", "Macleod Trail S".</summary>
    public string ToGeocoderText() => Join(Name, Type is null ? null : StreetTypeWords.LongForm(Type), Quadrant);

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));
}

/// <summary>What the citizen's words mean as a place, before any geocoding.</summary>
public sealed record LocationQuery(
    LocationQueryKind Kind,
    string? HouseNumber = null,
    StreetRef? Street = null,
    StreetRef? CrossStreet = null,
    string? Place = null)
{
    /// <summary>The label shown back to the citizen: "1234 17 Ave SW", "17 Ave SW &amp; 4 St SW", "Kensington".</summary>
    public string Label => Kind switch
    {
        LocationQueryKind.Address => string.Create(CultureInfo.InvariantCulture, $"{HouseNumber} {Street}"),
        LocationQueryKind.Street => Street!.ToString(),
        LocationQueryKind.Intersection => string.Create(CultureInfo.InvariantCulture, $"{Street} & {CrossStreet}"),
        _ => Place!,
    };

    /// <summary>A stable key for caching: the same place written two ways gives the same key.</summary>
    public string CacheKey => Kind + ":" + Label.ToLowerInvariant();
}
