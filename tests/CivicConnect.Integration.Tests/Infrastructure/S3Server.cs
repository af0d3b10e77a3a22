using System.Diagnostics;
using CivicConnect.Integration.Tests.DirectLine;

namespace CivicConnect.Integration.Tests.Infrastructure;

/// <summary>
/// A real S3-compatible server (npm s3rver, node/s3-server.js) on a loopback port, its objects in a
/// temporary folder: the AWS SDK signs and sends real S3 requests to it, as it would to MinIO or AWS.
/// </summary>
public sealed class S3Server : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";

    public const string SecretKey = "S3RVER";

    private readonly Process process;

    private S3Server(Process process, string directory, int port, string bucket)
    {
        this.process = process;
        Directory = directory;
        Port = port;
        Bucket = bucket;
    }

    public string Directory { get; }

    public int Port { get; }

    public string Bucket { get; }

    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The settings that select this server as the photo store.</summary>
    public IReadOnlyDictionary<string, string?> MediaSettings => new Dictionary<string, string?>
    {
        ["Media:Storage"] = "S3",
        ["Media:S3:ServiceUrl"] = ServiceUrl,
        ["Media:S3:Bucket"] = Bucket,
        ["Media:S3:AccessKey"] = AccessKey,
        ["Media:S3:SecretKey"] = SecretKey,
    };

    public static async Task<S3Server> StartAsync(string bucket = "civic-media")
    {
        await NodeClient.EnsureInstalledAsync(TimeSpan.FromMinutes(1));
        var directory = Path.Combine(Path.GetTempPath(), "civic-s3-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = NodeClient.Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "s3-server.js", directory, "0", bucket })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node s3-server.js.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"s3-server.js did not start: {line}\n{await process.StandardError.ReadToEndAsync()}");
        }

        return new S3Server(process, directory, int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture), bucket);
    }

    /// <summary>How many objects the bucket holds (s3rver keeps each as a folder of files named <c>*._S3rver_object</c>).</summary>
    public int ObjectCount() =>
        System.IO.Directory.EnumerateFiles(Path.Combine(Directory, Bucket), "*._S3rver_object", SearchOption.AllDirectories).Count();

    public async ValueTask DisposeAsync()
    {
        // Closing stdin asks it to stop; a kill makes sure.
        process.StandardInput.Close();
        if (!process.WaitForExit(5_000))
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
