namespace CivicConnect.Conversation.Ports;

/// <summary>
/// An open report that already carries one of the draft's photos: the strongest sign of the same
/// problem (or the same picture sent again), wherever the pin fell.
/// </summary>
public interface ISamePhotoReportFinder
{
    /// <param name="photoPaths">Stored paths of the draft's photos.</param>
    Task<SamePhotoReport?> FindAsync(IReadOnlyList<string> photoPaths, CancellationToken cancellationToken);
}

public sealed record SamePhotoReport(long IssueId, int ReferenceNumber);
