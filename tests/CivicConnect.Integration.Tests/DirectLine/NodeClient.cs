using System.Diagnostics;
using System.Security.Cryptography;
using CivicConnect.Core.Hosting;

namespace CivicConnect.Integration.Tests.DirectLine;

/// <summary>
/// Runs the node scripts under tests/CivicConnect.Integration.Tests/node. Their packages are
/// installed from the committed lock file (<c>npm ci --ignore-scripts</c>) when node_modules is
/// missing or older than the lock file; `civic test` does the same before the run.
/// </summary>
public static class NodeClient
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static string Folder => Path.Combine(RepositoryPaths.RootDirectory, "tests", "CivicConnect.Integration.Tests", "node");

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string script, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        await EnsureInstalledAsync(timeout);
        return await ExecAsync("node", [script], environment, timeout);
    }

    public static async Task EnsureInstalledAsync(TimeSpan timeout)
    {
        await InstallGate.WaitAsync();
        try
        {
            var lockFile = Path.Combine(Folder, "package-lock.json");
            var marker = Path.Combine(Folder, "node_modules", ".civic-lock-hash");
            var hash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(lockFile)));
            if (File.Exists(marker) && (await File.ReadAllTextAsync(marker)).Trim() == hash)
            {
                return;
            }

            var (exitCode, output, errors) = await ExecAsync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], new Dictionary<string, string>(), timeout * 4);
            Assert.True(exitCode == 0, $"npm ci failed ({exitCode}):\n{output}\n{errors}");
            await File.WriteAllTextAsync(marker, hash);
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<(int ExitCode, string Output, string Errors)> ExecAsync(string command, string[] arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {string.Join(' ', arguments)} did not finish within {timeout}.\n{await errors}");
        }

        return (process.ExitCode, await output, await errors);
    }
}
