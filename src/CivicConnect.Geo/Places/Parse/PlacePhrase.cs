using CivicConnect.Geo.Places.Normalize;

namespace CivicConnect.Geo.Places.Parse;

/// <summary>How the citizen put it, for the evaluation by phrasing type and for the answer's wording.</summary>
public enum PhrasingKind
{
    Corner,
    Approaching,
    DirectionOf,
    Between,
    Address,
    Block,
    NamedPlace,
    Community,
    Street,
}

/// <summary>What a place phrase says, before anything is looked up.</summary>
public abstract record PlacePhrase(PhrasingKind Kind);

/// <summary>"A and B", "A at B", "corner of A and B", "A approaching B", "north of B on A".</summary>
/// <param name="Towards">
/// For "approaching", "past" and "north of": the compass direction ("N", "S", "E", "W") from the
/// corner along <paramref name="First"/> where the place is; null when it is the corner itself.
/// </param>
public sealed record CornerPhrase(PhrasingKind How, StreetName First, StreetName Second, string? Towards = null) : PlacePhrase(How);

/// <summary>"A between B and C": the middle of A from B to C.</summary>
public sealed record BetweenPhrase(StreetName Street, StreetName From, StreetName To) : PlacePhrase(PhrasingKind.Between);

/// <summary>A street alone ("17 Ave SW"): no place by itself; the dialog asks where on it, a geocoder may answer it.</summary>
public sealed record StreetPhrase(StreetName Street) : PlacePhrase(PhrasingKind.Street);

/// <summary>"815 7 Ave SW", or (<paramref name="Block"/>) "the 1000 block of 9 Ave SW".</summary>
public sealed record AddressPhrase(int Number, string? Suffix, StreetName Street, bool Block) : PlacePhrase(Block ? PhrasingKind.Block : PhrasingKind.Address);

/// <summary>"Peace Bridge", "the Saddledome", "in Bowness", "A by the Co-op" (the words after the street).</summary>
/// <param name="LooksLikeStreets">The phrase also reads as two streets: only an exact name may then match.</param>
public sealed record NamedPhrase(string Words, StreetName? Along, bool LooksLikeStreets = false) : PlacePhrase(PhrasingKind.NamedPlace);
