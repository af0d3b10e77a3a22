using CivicConnect.Conversation.Ports;

namespace CivicConnect.Conversation.Testing;

/// <summary>No photo is ever on another report: the dialog alone is measured or tested.</summary>
public sealed class NoSamePhotoReports : ISamePhotoReportFinder
{
    public Task<SamePhotoReport?> FindAsync(IReadOnlyList<string> photoPaths, CancellationToken cancellationToken) =>
        Task.FromResult<SamePhotoReport?>(null);
}
