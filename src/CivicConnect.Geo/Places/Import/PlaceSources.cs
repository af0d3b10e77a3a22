using CivicConnect.Geo.Places.Resolve;

namespace CivicConnect.Geo.Places.Import;

/// <summary>
/// Everything one import reads: the registers in a folder (any CSV whose columns match a known
/// format) and the city's landmark list, whose entries given by address are placed from those
/// registers. A landmark whose address cannot be placed is reported and left out, never guessed.
/// </summary>
public static class PlaceSources
{
    public static PlaceSet Read(string folder, string? landmarkFile, Action<string>? progress)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"no folder at {folder}");
        }

        var set = PlaceFolderReader.Read(folder, progress);
        if (landmarkFile is null || !File.Exists(landmarkFile))
        {
            return set;
        }

        var landmarks = LandmarkFileFormat.Read(landmarkFile);
        var resolver = landmarks.Any(l => l.Address is not null) ? new PlaceResolver(PlaceIndex.Build(set)) : null;
        var placed = 0;
        foreach (var landmark in landmarks)
        {
            var point = landmark.Address is null
                ? (landmark.Latitude!.Value, landmark.Longitude!.Value)
                : resolver!.Resolve(landmark.Address) is { Located: true } found && found.Candidates[0].Kind is "address" or "interpolated"
                    ? (found.Candidates[0].Latitude, found.Candidates[0].Longitude)
                    : ((double, double)?)null;
            if (point is not { } p)
            {
                progress?.Invoke($"{Path.GetFileName(landmarkFile)}: '{landmark.Name}' at '{landmark.Address}' is not in the address register, left out");
                continue;
            }

            set.Places.Add(new KnownPlace(landmark.Name, landmark.Kind, landmark.Aliases, p.Item1, p.Item2, Coarse: landmark.Kind == "community"));
            placed++;
        }

        progress?.Invoke($"{Path.GetFileName(landmarkFile)}: {placed:N0} landmarks");
        return set;
    }
}
