using CivicConnect.Conversation.Ports;
using CivicConnect.Intelligence.Photos;

namespace CivicConnect.Conversation.Adapters;

/// <summary><see cref="ISamePhotoReportFinder"/> answered by the photo features of <see cref="ISamePhotoFinder"/>.</summary>
public sealed class SamePhotoReportFinderAdapter(ISamePhotoFinder finder) : ISamePhotoReportFinder
{
    public async Task<SamePhotoReport?> FindAsync(IReadOnlyList<string> photoPaths, CancellationToken cancellationToken) =>
        await finder.FindAsync(photoPaths, excludeIssueId: null, cancellationToken) is { } match
            ? new SamePhotoReport(match.IssueId, match.ReferenceNumber)
            : null;
}
