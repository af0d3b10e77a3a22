using CivicConnect.Geo.Places.Parse;

namespace CivicConnect.Geo.Places.Resolve;

/// <summary>One place a phrase may mean: what to show, where, and how far off it may be.</summary>
/// <param name="Label">"17 Ave SW & 4 St SW", "815 7 Ave SW", "Peace Bridge", "Bowness".</param>
/// <param name="UncertaintyMetres">How far the true spot may be: a corner ~30 m, an interpolated address ~100 m, a community ~1.5 km.</param>
public sealed record PlaceCandidate(string Label, double Latitude, double Longitude, string Kind, double UncertaintyMetres);

/// <summary>
/// What a phrase resolved to. One candidate: located. Several: a question for the citizen
/// (never a guess). <see cref="Coarse"/>: a community, which the dialog narrows ("where in Bowness?").
/// </summary>
public sealed record PlaceResolution(PhrasingKind? Phrasing, IReadOnlyList<PlaceCandidate> Candidates, bool Coarse = false)
{
    public static PlaceResolution None { get; } = new(null, []);

    public bool Located => Candidates.Count == 1 && !Coarse;

    public bool Ambiguous => Candidates.Count > 1;
}
