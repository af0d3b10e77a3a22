namespace CivicConnect.Geo.Places.Import;

/// <summary>
/// Reads every CSV file in a folder whose columns match a known format (see
/// <see cref="Formats"/>), whatever its name, into one <see cref="PlaceSet"/>, and reports
/// progress per file: what it was read as, rows used and rows skipped.
/// </summary>
public static class PlaceFolderReader
{
    public static IReadOnlyList<IPlaceFileFormat> Formats { get; } =
    [
        // Most specific columns first: a service list also has an address column.
        new SignalFileFormat(),
        new TransitStopFileFormat(),
        new JunctionFileFormat(),
        new StreetLineFileFormat(),
        new ServiceFileFormat(),
        new SchoolFileFormat(),
        new StationFileFormat(),
        new CommunityFileFormat(),
        new AddressFileFormat(),
    ];

    public static PlaceSet Read(string folder, Action<string>? progress = null)
    {
        var set = new PlaceSet();
        var files = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            ReadFile(file, set, progress);
        }

        return set;
    }

    private static void ReadFile(string file, PlaceSet set, Action<string>? progress)
    {
        IPlaceFileFormat? format = null;
        int used = 0, skipped = 0;
        foreach (var row in CsvRows.Read(file))
        {
            format ??= Formats.FirstOrDefault(f => f.RequiredColumns.All(row.ContainsKey));
            if (format is null)
            {
                break;
            }

            if (format.Read(row, set))
            {
                used++;
            }
            else
            {
                skipped++;
            }
        }

        progress?.Invoke(format is null
            ? $"{Path.GetFileName(file)}: columns of no known format, left out"
            : $"{Path.GetFileName(file)}: {used:N0} rows as {format.Describes} ({skipped:N0} skipped)");
    }
}
