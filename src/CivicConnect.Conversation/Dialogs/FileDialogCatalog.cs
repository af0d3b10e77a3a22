using CivicConnect.Core.Hosting;
using Microsoft.Extensions.Logging;

namespace CivicConnect.Conversation.Dialogs;

/// <summary>
/// Loads <c>dialogs/</c> at start and again whenever a file there changes, so wording and steps
/// change without a redeploy. A broken edit is logged and the last good set stays in use.
/// </summary>
public sealed class FileDialogCatalog : IDialogCatalog, IDisposable
{
    private readonly string directory;
    private readonly ILogger<FileDialogCatalog> logger;
    private readonly FileSystemWatcher? watcher;
    private readonly Timer debounce;
    private DialogSet current;

    public FileDialogCatalog(ILogger<FileDialogCatalog> logger)
        : this(RepositoryPaths.Dialogs, logger)
    {
    }

    public FileDialogCatalog(string directory, ILogger<FileDialogCatalog> logger)
    {
        this.directory = directory;
        this.logger = logger;
        current = DialogLoader.Load(directory);
        debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        watcher = new FileSystemWatcher(directory, "*.json") { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
        watcher.Changed += OnChanged;
        watcher.Created += OnChanged;
        watcher.Renamed += OnChanged;
        watcher.EnableRaisingEvents = true;
    }

    public DialogSet Current => Volatile.Read(ref current);

    public void Reload()
    {
        try
        {
            Volatile.Write(ref current, DialogLoader.Load(directory));
            logger.LogInformation("Dialogs reloaded from {Directory}", directory);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Dialogs in {Directory} could not be reloaded; keeping the previous version", directory);
        }
    }

    public void Dispose()
    {
        watcher?.Dispose();
        debounce.Dispose();
    }

    // Editors write a file in several steps; wait until they are done.
    private void OnChanged(object sender, FileSystemEventArgs e) => debounce.Change(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
}
