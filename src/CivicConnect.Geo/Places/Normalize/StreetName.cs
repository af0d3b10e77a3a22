namespace CivicConnect.Geo.Places.Normalize;

/// <summary>
/// A street in one normal form for every source and every citizen: <paramref name="Name"/> in
/// lower case with numbers as digits ("17", "macleod", "mckenzie towne"), <paramref name="Type"/>
/// as the City's abbreviation ("AV", "TR") or null when the citizen left it out, and
/// <paramref name="Quadrant"/> ("SW", or an axis half "S") or null.
/// </summary>
public sealed record StreetName(string Name, string? Type, string? Quadrant)
{
    /// <summary>Name and type without the quadrant: "17 AV", "macleod TR"; the type is empty when unknown.</summary>
    public string Key => Type is null ? Name : $"{Name} {Type}";

    public bool IsNumbered => Name.Length > 0 && char.IsAsciiDigit(Name[0]);

    /// <summary>"17 Ave SW", "Macleod Trail S".</summary>
    public string Label
    {
        get
        {
            var name = string.Join(' ', Name.Split(' ').Select(w => w.Length == 0 || char.IsAsciiDigit(w[0]) ? w.ToUpperInvariant() : char.ToUpperInvariant(w[0]) + w[1..]));
            var type = Type is null ? "" : " " + StreetTypeWords.LabelForm(Type);
            var quadrant = Quadrant is null ? "" : " " + Quadrant;
            return name + type + quadrant;
        }
    }

    public StreetName WithQuadrant(string? quadrant) => quadrant is null || Quadrant is not null ? this : this with { Quadrant = quadrant };

    public override string ToString() => Label;
}
