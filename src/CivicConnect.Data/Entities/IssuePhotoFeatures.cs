namespace CivicConnect.Data.Entities;

/// <summary>
/// ResNet18 features of a photo attached to an issue, computed the first time a new photo is
/// compared with it (same-photo detection) and kept, so each photo is read from disk once.
/// </summary>
public sealed class IssuePhotoFeatures
{
    public long IssueMediaId { get; set; }

    /// <summary>Unit-length features, or an empty array when the stored file could not be read.</summary>
    public required float[] Features { get; set; }

    public DateTimeOffset ComputedAt { get; set; }
}
