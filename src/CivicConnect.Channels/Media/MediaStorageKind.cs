namespace CivicConnect.Channels.Media;

/// <summary>Where stored photos' bytes live (<c>Media:Storage</c>).</summary>
public enum MediaStorageKind
{
    /// <summary>A folder (<see cref="MediaOptions.Root"/>): the single-node default.</summary>
    FileSystem,

    /// <summary>An S3-compatible object store (<see cref="MediaOptions.S3"/>), shared by every node.</summary>
    S3,
}
