using CivicConnect.Core.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Media;

/// <summary>Photos in a folder (<see cref="MediaOptions.Root"/>): the single-node default, or a volume every node mounts.</summary>
public sealed class FileSystemMediaBlobs(IOptions<MediaOptions> options) : IMediaBlobs
{
    /// <summary>The absolute media folder.</summary>
    public string RootDirectory { get; } = ResolveRoot(options.Value.Root);

    public static string ResolveRoot(string root) =>
        Path.GetFullPath(Path.IsPathRooted(root) ? root : Path.Combine(RepositoryPaths.RootDirectory, root));

    public async Task WriteAsync(string path, byte[] bytes, string contentType, CancellationToken cancellationToken)
    {
        var fullPath = FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);

        // Write then rename, so a reader never sees half a photo.
        var temporary = fullPath + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, fullPath, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = FullPath(path);
        Stream? content = File.Exists(fullPath)
            ? new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true)
            : null;
        return Task.FromResult(content);
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        File.Delete(FullPath(path));
        return Task.CompletedTask;
    }

    /// <summary>A second fence behind the store's path check: nothing outside the root is ever touched.</summary>
    private string FullPath(string path)
    {
        var fullPath = Path.GetFullPath(Path.Combine(RootDirectory, path.Replace('/', Path.DirectorySeparatorChar)));
        return fullPath.StartsWith(RootDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? fullPath
            : throw new ArgumentException($"'{path}' is outside the media folder.", nameof(path));
    }
}
