namespace CivicConnect.Core.Hosting;

/// <summary>
/// Locates the folders that hold the data-driven parts of the product (dialogs, prompts, seed
/// data, appsettings.json). They live at the repository root in development and next to the
/// binaries in a container image, so the root is searched for rather than assumed.
/// </summary>
public static class RepositoryPaths
{
    /// <summary>Environment variable that pins the root (set by the <c>civic</c> script and the Docker image).</summary>
    public const string RootVariable = "CIVIC_ROOT";

    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RootDirectory => Root.Value;

    public static string Dialogs => Path.Combine(RootDirectory, "dialogs");

    public static string Prompts => Path.Combine(RootDirectory, "prompts");

    public static string Seed => Path.Combine(RootDirectory, "seed");

    public static string AppSettings => Path.Combine(RootDirectory, "appsettings.json");

    /// <summary>The shared reference data folder (ward boundaries) that sits beside the repository.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(RootDirectory, "..", "shared", "data"));

    private static string FindRoot()
    {
        var pinned = Environment.GetEnvironmentVariable(RootVariable);
        if (!string.IsNullOrWhiteSpace(pinned) && Directory.Exists(pinned))
        {
            return Path.GetFullPath(pinned);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(dir.FullName, "seed")))
                {
                    return dir.FullName;
                }
            }
        }

        return AppContext.BaseDirectory;
    }
}
