using System.Xml.Linq;
using CivicConnect.Core.Hosting;

namespace CivicConnect.Core.Tests.Architecture;

/// <summary>
/// The project graph as the <c>.csproj</c> files declare it: each project under <c>src/</c> with its
/// direct project and package references. Read from the files, not from loaded assemblies, so a
/// reference that no code uses yet still counts — it is what the compiler lets code reach.
/// </summary>
internal sealed class ProjectGraph
{
    private ProjectGraph(IReadOnlyDictionary<string, Project> projects) => Projects = projects;

    public IReadOnlyDictionary<string, Project> Projects { get; }

    public static ProjectGraph LoadSources() => Load(Path.Combine(RepositoryPaths.RootDirectory, "src"));

    public static ProjectGraph Load(string sourceDirectory)
    {
        var projects = new Dictionary<string, Project>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(sourceDirectory, "*.csproj", SearchOption.AllDirectories))
        {
            var document = XDocument.Load(file);
            var references = document.Descendants("ProjectReference")
                .Select(e => ShortName(Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? "").Replace('\\', '/'))))
                .ToHashSet(StringComparer.Ordinal);
            var packages = document.Descendants("PackageReference")
                .Select(e => (Name: (string?)e.Attribute("Include") ?? "", Private: string.Equals((string?)e.Attribute("PrivateAssets"), "all", StringComparison.OrdinalIgnoreCase)))
                .ToList();

            // A framework reference (or the Web SDK) is what lets code use ASP.NET Core; it flows to dependents like a package.
            var frameworks = document.Descendants("FrameworkReference").Select(e => (string?)e.Attribute("Include") ?? "");
            if (((string?)document.Root?.Attribute("Sdk") ?? "").Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
            {
                frameworks = frameworks.Append("Microsoft.AspNetCore.App");
            }

            var name = ShortName(Path.GetFileNameWithoutExtension(file));
            projects[name] = new Project(
                name,
                references,
                packages.Select(p => p.Name).Concat(frameworks).ToHashSet(StringComparer.OrdinalIgnoreCase),
                packages.Where(p => !p.Private).Select(p => p.Name).Concat(frameworks).ToHashSet(StringComparer.OrdinalIgnoreCase));
        }

        return new ProjectGraph(projects);
    }

    /// <summary>Every project <paramref name="name"/> can reach through project references, itself excluded.</summary>
    public IReadOnlySet<string> Reachable(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(Projects[name].References);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next) && Projects.TryGetValue(next, out var project))
            {
                foreach (var reference in project.References)
                {
                    pending.Push(reference);
                }
            }
        }

        return seen;
    }

    /// <summary>
    /// The packages a project compiles against: its own, and those that flow to it from every project
    /// it reaches (a <c>PrivateAssets="all"</c> package stays with the project that declares it).
    /// </summary>
    public IReadOnlySet<string> PackagesSeenBy(string name) =>
        Reachable(name)
            .Where(Projects.ContainsKey)
            .SelectMany(p => Projects[p].FlowingPackages)
            .Concat(Projects[name].Packages)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>"CivicConnect.Workflow" → "Workflow": the part names the rules speak of.</summary>
    private static string ShortName(string projectName) =>
        projectName.StartsWith("CivicConnect.", StringComparison.Ordinal) ? projectName["CivicConnect.".Length..] : projectName;

    internal sealed record Project(string Name, IReadOnlySet<string> References, IReadOnlySet<string> Packages, IReadOnlySet<string> FlowingPackages);
}
