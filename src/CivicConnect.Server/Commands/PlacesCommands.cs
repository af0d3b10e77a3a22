using System.Diagnostics;
using CivicConnect.Core.Hosting;
using CivicConnect.Data;
using CivicConnect.Geo.Places.Evaluate;
using CivicConnect.Geo.Places.Import;
using CivicConnect.Geo.Places.Resolve;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Server.Commands;

/// <summary>
/// <c>civic places import DIR [--landmarks FILE] [--if-empty]</c> and
/// <c>civic places eval FILE.csv [--text C] [--lat C] [--lon C] [--examples N]</c>.
/// </summary>
internal static class PlacesCommands
{
    /// <summary>The City registers shipped beside the repository: the default import.</summary>
    public static string DefaultFolder => Path.Combine(RepositoryPaths.SharedData, "calgary");

    public static async Task<int> ImportAsync(IServiceProvider services, string? folder, string[] options, CancellationToken cancellationToken)
    {
        if (options.Contains("--if-empty") && await HasPlacesAsync(services, cancellationToken))
        {
            Console.WriteLine("street gazetteer already loaded");
            return 0;
        }

        folder ??= DefaultFolder;
        if (!Directory.Exists(folder))
        {
            Console.WriteLine($"no place registers at {folder}: places are found only by pin, photo GPS or the geocoder until you run civic places import DIR");
            return options.Contains("--if-empty") ? 0 : 2;
        }

        var landmarks = Option(options, "--landmarks") ?? Path.Combine(RepositoryPaths.Seed, "places.json");
        var watch = Stopwatch.StartNew();
        var set = PlaceSources.Read(folder, landmarks, line => Console.WriteLine("  " + line));
        await services.GetRequiredService<PlaceImporter>().ImportAsync(set, line => Console.WriteLine("  " + line), cancellationToken);
        Console.WriteLine($"street gazetteer imported from {folder} in {watch.Elapsed.TotalSeconds:N1} s");
        return 0;
    }

    public static async Task<int> EvalAsync(IServiceProvider services, string file, string[] options, CancellationToken cancellationToken)
    {
        var phrases = PlaceEvaluation.ReadCsv(
            file,
            Option(options, "--text") ?? "INCIDENT INFO",
            Option(options, "--lat") ?? "Latitude",
            Option(options, "--lon") ?? "Longitude").ToList();
        if (phrases.Count == 0)
        {
            throw new InvalidDataException($"{Path.GetFileName(file)}: no rows with a place text and a point (set --text, --lat and --lon to its columns)");
        }

        var resolver = await services.GetRequiredService<PlaceGazetteer>().ResolverAsync(cancellationToken);
        var examples = int.TryParse(Option(options, "--examples"), out var n) ? n : 0;
        var report = PlaceEvaluation.Run(resolver, phrases, examples);
        Console.WriteLine($"{Path.GetFileName(file)}: {phrases.Count:N0} phrases; located = within 400 m of a corner, 300 m of an address, 1.2 km of a named place");
        Console.Write(report);
        return 0;
    }

    private static async Task<bool> HasPlacesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CivicDbContext>();
        return await db.PlaceCorners.AnyAsync(cancellationToken) || await db.PlaceNames.AnyAsync(cancellationToken);
    }

    private static string? Option(string[] options, string name)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
    }
}
