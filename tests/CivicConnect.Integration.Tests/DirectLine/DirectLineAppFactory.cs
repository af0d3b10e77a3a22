using CivicConnect.Integration.Tests.Infrastructure;

namespace CivicConnect.Integration.Tests.DirectLine;

/// <summary>The real server (real inbox, dialog engine and outbox) with its photos in a private folder.</summary>
public class DirectLineAppFactory : CivicAppFactory
{
    public DirectLineAppFactory()
    {
        Settings["Media:Root"] = MediaRoot;
    }

    public string MediaRoot { get; } = Path.Combine(Path.GetTempPath(), "civic-media-" + Guid.NewGuid().ToString("N")[..12]);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MediaRoot))
        {
            Directory.Delete(MediaRoot, recursive: true);
        }
    }
}
