namespace CivicConnect.Geo.Places.Import;

/// <summary>
/// One kind of place file, recognised by its columns rather than its name, so a city can drop
/// in its own export of the same register under any file name.
/// </summary>
public interface IPlaceFileFormat
{
    /// <summary>What the file gives, for progress lines: "signalised intersections".</summary>
    string Describes { get; }

    /// <summary>Columns that identify the format (case-insensitive).</summary>
    IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>Adds what one row gives; returns false when the row is unusable (counted, not fatal).</summary>
    bool Read(IReadOnlyDictionary<string, string> row, PlaceSet into);
}
