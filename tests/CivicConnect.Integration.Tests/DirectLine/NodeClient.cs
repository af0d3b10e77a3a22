using System.Security.Cryptography;
using CivicConnect.Core.Hosting;
using CivicConnect.Integration.Tests.Infrastructure;

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
        return await ChildProcess.RunAsync("node", [script], Folder, environment, timeout);
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

            var (exitCode, output, errors) = await ChildProcess.RunAsync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], Folder, new Dictionary<string, string>(), timeout * 4);
            Assert.True(exitCode == 0, $"npm ci failed ({exitCode}):\n{output}\n{errors}");
            await File.WriteAllTextAsync(marker, hash);
        }
        finally
        {
            InstallGate.Release();
        }
    }
}
