using CivicConnect.Core.Hosting;
using CivicConnect.Workflow.Routing;
using YamlDotNet.RepresentationModel;

namespace CivicConnect.Integration.Tests.Deploy;

/// <summary>
/// deploy/ read as YAML and Dockerfile text: Kubernetes sets what the compose nodes set (the
/// environment DeployCheckTests proves a node starts and works with), and the image copies every
/// file the service reads. Probe paths are requested from running nodes in DeployCheckTests.
/// </summary>
public sealed class DeployFilesTests
{
    /// <summary>What a node refuses to start without in Production (ProductionStartupTests), and the shared photo store.</summary>
    private static readonly string[] RequiredInProduction =
        ["ConnectionStrings__Civic", "DirectLine__Secret", "Auth__Authority", "Auth__Audience", "Media__Storage", "Media__S3__Bucket", "Media__S3__ServiceUrl"];

    [Fact]
    public void Compose_Nodes_SetEverySettingProductionRequires()
    {
        foreach (var node in new[] { "node1", "node2", "setup" })
        {
            var environment = DeployFiles.ComposeEnvironment(node);
            Assert.All(RequiredInProduction, key => Assert.True(environment.ContainsKey(key), $"compose.yaml's {node} does not set {key}."));
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Kubernetes_ConfigMapAndSecret_SetEverythingTheComposeNodesSet(string overlay)
    {
        var set = KubernetesEnvironment(overlay);

        var compose = DeployFiles.ComposeEnvironment("node1").Keys;
        Assert.All(compose.Concat(RequiredInProduction).Select(TrustedProxySetting).Distinct(), key => Assert.True(set.Select(TrustedProxySetting).Contains(key), $"Kubernetes ({overlay}) does not set {key}, which compose's nodes set."));
    }

    [Fact]
    public void Kubernetes_Workloads_ReadTheConfigMapAndTheSecret()
    {
        foreach (var file in new[] { "deployment.yaml", "setup-job.yaml" })
        {
            var container = Containers(DeployFiles.LoadYaml($"k8s/base/{file}")).Single();
            var sources = ((YamlSequenceNode)container["envFrom"]).Children.Cast<YamlMappingNode>()
                .Select(source => source.Children.Single())
                .Select(entry => $"{((YamlScalarNode)entry.Key).Value}:{((YamlScalarNode)((YamlMappingNode)entry.Value)["name"]).Value}")
                .ToList();
            Assert.Contains("configMapRef:civicconnect", sources);
            Assert.Contains("secretRef:civicconnect", sources);
        }
    }

    [Fact]
    public void Kubernetes_Deployment_HasStartupReadinessAndLivenessProbesAndResources()
    {
        var container = Containers(DeployFiles.LoadYaml("k8s/base/deployment.yaml")).Single();

        Assert.All(new[] { "startupProbe", "readinessProbe", "livenessProbe", "resources" }, key => Assert.True(container.Children.ContainsKey(key), $"The server container has no {key}."));
        // Live answers as soon as the process serves; ready (and so startup) waits for the database and the classifier.
        Assert.Equal(["/health/live", "/health/ready", "/health/ready"], ProbePaths().Order().ToArray());
    }

    [Fact]
    public void Image_CopiesEveryFileTheServiceReads()
    {
        var copied = DeployFiles.ImageCopies().Where(c => c.FromContext is null).Select(c => c.Source).ToHashSet();
        var root = RepositoryPaths.RootDirectory;
        var read = new[] { RepositoryPaths.AppSettings, RepositoryPaths.Dialogs, RepositoryPaths.Prompts, RepositoryPaths.Seed, Path.Combine(root, new RoutingOptions().RulesFile) }
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'));

        Assert.All(read, path => Assert.True(copied.Contains(path), $"The image does not copy {path}, which the service reads."));
        Assert.Contains(DeployFiles.ImageCopies(), c => c.FromContext == "citydata" && c.Destination == "./shared/data");
    }

    [Fact]
    public void Image_RunsAsANonRootUser()
    {
        var user = File.ReadLines(Path.Combine(DeployFiles.Folder, "Dockerfile")).Last(line => line.StartsWith("USER ", StringComparison.Ordinal))[5..].Trim();

        Assert.True(int.TryParse(user, out var uid) && uid > 0, $"USER {user} is not a numeric non-root user (Kubernetes' runAsNonRoot needs a number).");
    }

    /// <summary>The HTTP paths the Deployment's probes request.</summary>
    public static IEnumerable<string> ProbePaths() =>
        Containers(DeployFiles.LoadYaml("k8s/base/deployment.yaml")).Single().Children
            .Where(entry => ((YamlScalarNode)entry.Key).Value!.EndsWith("Probe", StringComparison.Ordinal))
            .Select(entry => ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)entry.Value)["httpGet"])["path"]).Value!);

    /// <summary>Trusted proxies are named by address (compose: nginx's fixed one) or by network (Kubernetes: the pod network); either will do.</summary>
    private static string TrustedProxySetting(string key) =>
        key.StartsWith("ForwardedHeaders__Known", StringComparison.Ordinal) ? "ForwardedHeaders__KnownProxies or __KnownNetworks" : key;

    /// <summary>Names set by the base ConfigMap and the overlay's Secret (from its civic.env.example).</summary>
    private static HashSet<string> KubernetesEnvironment(string overlay)
    {
        var configMap = (YamlMappingNode)DeployFiles.LoadYaml("k8s/base/configmap.yaml")["data"];
        var secret = File.ReadAllLines(Path.Combine(DeployFiles.Folder, "k8s", "overlays", overlay, "civic.env.example"))
            .Where(line => line.Length > 0 && line[0] != '#' && line.Contains('='))
            .Select(line => line[..line.IndexOf('=')]);
        return configMap.Children.Keys.Select(key => ((YamlScalarNode)key).Value!).Concat(secret).ToHashSet();
    }

    private static IEnumerable<YamlMappingNode> Containers(YamlMappingNode workload)
    {
        var template = (YamlMappingNode)((YamlMappingNode)workload["spec"])["template"];
        return ((YamlSequenceNode)((YamlMappingNode)template["spec"])["containers"]).Children.Cast<YamlMappingNode>();
    }
}
