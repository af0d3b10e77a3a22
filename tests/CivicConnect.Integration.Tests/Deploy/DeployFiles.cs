using System.Text.RegularExpressions;
using CivicConnect.Core.Hosting;
using YamlDotNet.RepresentationModel;

namespace CivicConnect.Integration.Tests.Deploy;

/// <summary>
/// Reads what deploy/ says, so checks run the service as shipped: the node environment of
/// compose.yaml (its <c>${VAR}</c> filled from civic.env.example), and what the Dockerfile copies and sets.
/// </summary>
public static partial class DeployFiles
{
    public static string Folder => Path.Combine(RepositoryPaths.RootDirectory, "deploy");

    public static YamlMappingNode LoadYaml(string relativePath)
    {
        using var reader = new StreamReader(Path.Combine(Folder, relativePath));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>A compose service's environment, interpolated from the example env file.</summary>
    public static IReadOnlyDictionary<string, string> ComposeEnvironment(string service)
    {
        var services = (YamlMappingNode)LoadYaml("compose.yaml")["services"];
        var environment = (YamlMappingNode)((YamlMappingNode)services[service])["environment"];
        var variables = ExampleEnvFile();
        return environment.Children.ToDictionary(
            entry => ((YamlScalarNode)entry.Key).Value!,
            entry => Interpolate(((YamlScalarNode)entry.Value).Value ?? string.Empty, variables));
    }

    /// <summary>deploy/civic.env.example as name → value.</summary>
    public static IReadOnlyDictionary<string, string> ExampleEnvFile() =>
        File.ReadAllLines(Path.Combine(Folder, "civic.env.example"))
            .Where(line => line.Length > 0 && line[0] != '#' && line.Contains('='))
            .ToDictionary(line => line[..line.IndexOf('=')], line => line[(line.IndexOf('=') + 1)..]);

    /// <summary>Compose's <c>${NAME}</c>, <c>${NAME:?message}</c> and <c>${NAME:-default}</c>; a required one that is missing fails.</summary>
    public static string Interpolate(string value, IReadOnlyDictionary<string, string> variables) =>
        Variable().Replace(value, match =>
        {
            var name = match.Groups["name"].Value;
            if (variables.TryGetValue(name, out var set) && set.Length > 0)
            {
                return set;
            }

            return match.Groups["op"].Value == ":-"
                ? match.Groups["rest"].Value
                : throw new InvalidOperationException($"deploy/civic.env.example does not set {name}, which compose.yaml needs.");
        });

    /// <summary>The Dockerfile's <c>COPY</c> lines into the final image (source, destination under /app), other stages' copies excluded.</summary>
    public static IReadOnlyList<(string? FromContext, string Source, string Destination)> ImageCopies()
    {
        var lines = FinalStage();
        return lines
            .Select(line => CopyLine().Match(line))
            .Where(match => match.Success && match.Groups["from"].Value != "build")
            .Select(match => (match.Groups["from"].Success ? match.Groups["from"].Value : null, match.Groups["src"].Value, match.Groups["dst"].Value))
            .ToList();
    }

    /// <summary>The Dockerfile's <c>ENV</c> settings of the final image.</summary>
    public static IReadOnlyDictionary<string, string> ImageEnvironment()
    {
        var text = string.Join("\n", FinalStage()).Replace("\\\n", " ", StringComparison.Ordinal);
        return text.Split('\n')
            .Where(line => line.StartsWith("ENV ", StringComparison.Ordinal))
            .SelectMany(line => line[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
    }

    private static List<string> FinalStage()
    {
        var lines = File.ReadAllText(Path.Combine(Folder, "Dockerfile")).ReplaceLineEndings("\n").Split('\n').ToList();
        var last = lines.FindLastIndex(line => line.StartsWith("FROM ", StringComparison.Ordinal));
        return lines[last..];
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:\?|:-|\?|-)(?<rest>[^}]*))?\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^COPY\s+(?:--from=(?<from>\S+)\s+)?(?<src>\S+)\s+(?<dst>\S+)\s*$")]
    private static partial Regex CopyLine();
}
