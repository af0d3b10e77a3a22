namespace CivicConnect.TestRunner;

/// <param name="Root">The repository root (<c>CIVIC_ROOT</c>, set by the script, or the folder holding CivicConnect.sln).</param>
/// <param name="Filter">A <c>dotnet test --filter</c> expression, or null for every test.</param>
internal sealed record RunOptions(string Root, string? Filter, string Configuration, string ResultsDirectory)
{
    public const string Usage = "usage: CivicConnect.TestRunner [--filter EXPRESSION] [--configuration Debug] [--results DIR]";

    public static RunOptions? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        if (values.Keys.Except(["filter", "configuration", "results"]).Any())
        {
            return null;
        }

        var root = Environment.GetEnvironmentVariable("CIVIC_ROOT") is { Length: > 0 } fromScript ? fromScript : FindRoot();
        return new RunOptions(
            root,
            values.GetValueOrDefault("filter") is { Length: > 0 } filter ? filter : null,
            values.GetValueOrDefault("configuration") ?? "Debug",
            values.GetValueOrDefault("results") ?? Path.Combine(root, ".data", "test-results"));
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CivicConnect.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
