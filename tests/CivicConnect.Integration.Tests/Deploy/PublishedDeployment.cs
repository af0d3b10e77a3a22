using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CivicConnect.Core.Hosting;
using CivicConnect.Integration.Tests.Infrastructure;

namespace CivicConnect.Integration.Tests.Deploy;

/// <summary>
/// The server laid out as the image lays it out, in a temporary folder away from the repository:
/// the published build in <c>app/</c>, and beside it exactly what the Dockerfile copies (a file it
/// forgets is missing here too). Processes started from it get a clean environment: the image's
/// ENV, then the variables given, nothing inherited from the test run.
/// </summary>
public sealed class PublishedDeployment : IAsyncDisposable
{
    private readonly List<Process> nodes = [];

    private PublishedDeployment(string root) => Root = root;

    /// <summary>Stands for the image's "/": the image's /app is <c>{Root}/app</c>.</summary>
    public string Root { get; }

    public string AppDirectory => Path.Combine(Root, "app");

    public static async Task<PublishedDeployment> PublishAsync()
    {
        var deployment = new PublishedDeployment(Path.Combine(Path.GetTempPath(), "civic-deploy-" + Guid.NewGuid().ToString("N")[..12]));

        // `civic test` has just built the solution: publish that build (a copy, with the web chat bundle and models).
        var server = Path.Combine(RepositoryPaths.RootDirectory, "src", "CivicConnect.Server", "CivicConnect.Server.csproj");
        var (exit, output) = await RunAsync("dotnet", ["publish", server, "-c", "Debug", "--no-build", "-o", deployment.AppDirectory, "-nologo", "-v", "quiet"], RepositoryPaths.RootDirectory, InheritedEnvironment(), TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, $"dotnet publish failed ({exit}):\n{output}");

        foreach (var (context, source, destination) in DeployFiles.ImageCopies())
        {
            var from = context switch
            {
                null => Path.Combine(RepositoryPaths.RootDirectory, source),
                "citydata" => SharedData,
                _ => throw new InvalidOperationException($"The Dockerfile copies from an unknown build context '{context}'."),
            };
            var to = deployment.ImagePath(destination);
            if (Directory.Exists(from))
            {
                CopyDirectory(from, to);
            }
            else
            {
                Assert.True(File.Exists(from), $"The Dockerfile copies {source}, which does not exist.");
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(from, to, overwrite: true);
            }
        }

        return deployment;
    }

    /// <summary>The image's ENV with its paths moved under <see cref="Root"/>, then <paramref name="variables"/>.</summary>
    public Dictionary<string, string> Environment(IReadOnlyDictionary<string, string> variables)
    {
        var environment = InheritedEnvironment();
        foreach (var (key, value) in DeployFiles.ImageEnvironment())
        {
            environment[key] = value.StartsWith('/') ? ImagePath(value) : value;
        }

        environment["CIVIC_APP_DIR"] = AppDirectory;
        foreach (var (key, value) in variables)
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>Runs the image's entrypoint with <paramref name="arguments"/> to the end (e.g. "setup").</summary>
    public async Task<string> RunEntrypointAsync(IReadOnlyDictionary<string, string> variables, params string[] arguments)
    {
        var (exit, output) = await RunAsync("sh", [ImagePath("/usr/local/bin/civic-entrypoint"), .. arguments], AppDirectory, Environment(variables), TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, $"civic-entrypoint {string.Join(' ', arguments)} failed ({exit}):\n{output}");
        return output;
    }

    /// <summary>Starts a node (the entrypoint without arguments) on a free loopback port; returns its base address once /health/ready answers.</summary>
    public async Task<Uri> StartNodeAsync(IReadOnlyDictionary<string, string> variables, string logName)
    {
        var port = FreePort();
        var environment = Environment(variables);
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var log = Path.Combine(Root, logName + ".log");
        var start = new ProcessStartInfo("sh") { WorkingDirectory = AppDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec sh \"$0\" >\"$1\" 2>&1");
        start.ArgumentList.Add(ImagePath("/usr/local/bin/civic-entrypoint"));
        start.ArgumentList.Add(log);
        start.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        nodes.Add(process);
        var address = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                Assert.Fail($"The node stopped ({process.ExitCode}):\n{ReadLog(log)}");
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(3))
            {
                Assert.Fail($"The node did not become ready in 3 minutes:\n{ReadLog(log)}");
            }
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return address;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            if (!node.HasExited)
            {
                // SIGTERM first would be kinder, but the check has what it needs; the node owns no state outside the database and store.
                node.Kill(entireProcessTree: true);
            }

            await node.WaitForExitAsync();
            node.Dispose();
        }

        Directory.Delete(Root, recursive: true);
    }

    private static string SharedData =>
        System.Environment.GetEnvironmentVariable("CIVIC_SHARED_DATA") is { Length: > 0 } dir ? dir : RepositoryPaths.SharedData;

    /// <summary>A path inside the image (absolute, or relative to WORKDIR /app) as a path under <see cref="Root"/>.</summary>
    private string ImagePath(string path) =>
        Path.GetFullPath(path.StartsWith('/') ? Path.Combine(Root, path.TrimStart('/')) : Path.Combine(AppDirectory, path));

    /// <summary>Only what finding programs needs; nothing of the test run's configuration.</summary>
    private static Dictionary<string, string> InheritedEnvironment() =>
        new[] { "PATH", "HOME", "DOTNET_ROOT", "DOTNET_CLI_HOME", "NUGET_PACKAGES", "DOTNET_NOLOGO", "DOTNET_CLI_TELEMETRY_OPTOUT" }
            .Where(name => System.Environment.GetEnvironmentVariable(name) is not null)
            .ToDictionary(name => name, name => System.Environment.GetEnvironmentVariable(name)!);

    private static string ReadLog(string log) => File.Exists(log) ? string.Join("\n", File.ReadLines(log).TakeLast(40)) : "(no log)";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>A deployment command sees only the environment given, as in a container.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string command, string[] arguments, string directory, Dictionary<string, string> environment, TimeSpan timeout)
    {
        var (exitCode, output, errors) = await ChildProcess.RunAsync(command, arguments, directory, environment, timeout, onlyThisEnvironment: true);
        return (exitCode, output + errors);
    }
}
