using CivicConnect.Core.Hosting;
using CivicConnect.Data;
using CivicConnect.Data.Seeding;
using CivicConnect.Geo.Municipalities;
using CivicConnect.Geo.Wards;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Server.Commands;

/// <summary>
/// The maintenance commands behind the <c>civic</c> script. They run against the same
/// composition as the server (same configuration, same services) and then exit. This is the one
/// list of them: the script passes any command it does not handle itself through to here and
/// shows <see cref="UsageText"/> as its own help.
/// </summary>
internal static class CivicCommands
{
    private static readonly string[] Names = ["migrate", "seed", "wards", "places", "token", "eval", "train", "erase", "vapid"];

    private const string UsageText = """
          civic migrate                                   apply database migrations
          civic seed [--if-empty]                         load departments, service categories and the neighbouring municipalities from seed/
          civic places import [DIR] [--landmarks FILE] [--if-empty]
                                                          replace the street gazetteer from City registers (default ../shared/data/calgary; formats: seed/README.md)
          civic places eval FILE.csv [--text C --lat C --lon C] [--examples N]
                                                          measure the place resolver on labelled place texts, by phrasing type
          civic wards import FILE.geojson [--code-property P] [--name-property Q]
                                                          replace the wards from a GeoJSON FeatureCollection (defaults: ward_num, label)
          civic token --role ROLE [--department CODE] [--name NAME] [--hours N]
                                                          print a development bearer token (roles: staff, supervisor, field_worker)
          civic eval FILE.csv [--head linear|knn] [--draft DIR|FILE.json] [--mode embedded|llm]
                                                          measure the classifier on labelled messages (text,category[,expected_priority]);
                                                          --mode llm runs them through Classifier:Llm (tokens, failures as unanswered)
          civic train FILE.csv [--dry-run]                import labelled history as examples (held-out fifth measured)
          civic erase --phone N | --conversation ID | --report REF [--actor NAME]
                                                          erase a person's contact, messages, transcripts and photos; reports keep their public facts
          civic vapid                                     print a new VAPID key pair for browser notifications (WebPush:PublicKey, WebPush:PrivateKey)
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0], StringComparer.Ordinal);

    /// <summary>
    /// <c>help</c>, and a first word that is no command (the script passes those through), are
    /// answered before anything is composed: no database needed, and an unknown word never starts
    /// the web server. Null for a command or the server's own options (<c>--urls …</c>).
    /// </summary>
    public static int? AnswerWithoutComposition(string[] args)
    {
        switch (args)
        {
            case ["help" or "--help" or "-h"]:
                Console.WriteLine(UsageText);
                return 0;
            case ["vapid"]:
                return VapidCommand.Run();
            case [var first, ..] when !first.StartsWith('-') && !Names.Contains(first, StringComparer.Ordinal):
                Console.Error.WriteLine($"unknown command: {first}");
                return Usage();
            default:
                return null;
        }
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        try
        {
            return args switch
            {
                ["migrate", ..] => await MigrateAsync(services, cancellation.Token),
                ["seed", .. var rest] => await SeedAsync(services, rest.Contains("--if-empty"), cancellation.Token),
                ["wards", "import", var file, .. var rest] => await ImportWardsAsync(services, file, rest, cancellation.Token),
                ["places", "import", .. var rest] => await PlacesCommands.ImportAsync(services, rest.FirstOrDefault(r => !r.StartsWith("--", StringComparison.Ordinal)), rest, cancellation.Token),
                ["places", "eval", var file, .. var rest] => await PlacesCommands.EvalAsync(services, file, rest, cancellation.Token),
                ["token", .. var rest] => TokenCommand.Run(services, rest),
                ["eval", var file, .. var rest] => await ClassifierCommands.EvalAsync(services, file, rest, cancellation.Token),
                ["train", var file, .. var rest] => await ClassifierCommands.TrainAsync(services, file, rest, cancellation.Token),
                ["erase", .. var rest] => await EraseCommand.RunAsync(services, rest, cancellation.Token),
                _ => Usage(),
            };
        }
        catch (Exception ex) when (ex is WardImportException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CivicDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        Console.WriteLine(pending.Count == 0 ? "database schema is up to date" : $"applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return 0;
    }

    private static async Task<int> SeedAsync(IServiceProvider services, bool onlyIfEmpty, CancellationToken cancellationToken)
    {
        // Each table is checked on its own, so a database seeded before a table existed gets it on the next `seed --if-empty`.
        var db = services.GetRequiredService<CivicDbContext>();
        if (onlyIfEmpty && await db.ServiceCategories.AnyAsync(cancellationToken))
        {
            Console.WriteLine("service catalog already loaded");
        }
        else
        {
            var path = Path.Combine(RepositoryPaths.Seed, "service-catalog.json");
            var result = await new ServiceCatalogSeeder(db).SeedAsync(ServiceCatalogSeeder.Read(path), cancellationToken);
            Console.WriteLine($"service catalog loaded: {result.Departments} departments, {result.Categories} categories");
        }

        if (onlyIfEmpty && await db.NeighbouringMunicipalities.AnyAsync(cancellationToken))
        {
            Console.WriteLine("neighbouring municipalities already loaded");
            return 0;
        }

        return await ImportMunicipalitiesAsync(services, Path.Combine(RepositoryPaths.Seed, "municipalities.json"), cancellationToken);
    }

    private static async Task<int> ImportMunicipalitiesAsync(IServiceProvider services, string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        var municipalities = MunicipalityFile.Read(stream, Path.GetFileName(file));
        var count = await services.GetRequiredService<MunicipalityImporter>().ImportAsync(municipalities, cancellationToken);
        Console.WriteLine($"neighbouring municipalities loaded: {count} from {Path.GetFileName(file)}");
        return 0;
    }

    private static async Task<int> ImportWardsAsync(IServiceProvider services, string file, string[] options, CancellationToken cancellationToken)
    {
        var request = new WardImportRequest(
            Option(options, "--code-property") ?? "ward_num",
            Option(options, "--name-property") ?? "label");
        await using var stream = File.OpenRead(file);
        var result = await services.GetRequiredService<WardImporter>().ImportAsync(stream, request, cancellationToken);
        Console.WriteLine($"imported {result.Imported} wards from {Path.GetFileName(file)}" + (result.Repaired > 0 ? $" ({result.Repaired} repaired with ST_MakeValid)" : string.Empty));
        return 0;
    }

    internal static string? Option(string[] options, string name)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage:");
        Console.Error.WriteLine(UsageText);
        return 64;
    }
}
