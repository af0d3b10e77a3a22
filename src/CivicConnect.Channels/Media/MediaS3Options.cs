namespace CivicConnect.Channels.Media;

/// <summary>
/// The object store behind <c>Media:Storage = S3</c> (<c>Media:S3</c>): any S3 API (MinIO, Ceph, AWS, a gateway).
/// Checked by <see cref="MediaOptions.Validate"/> only when S3 is selected.
/// </summary>
public sealed class MediaS3Options
{
    /// <summary>The store's address, e.g. <c>http://minio:9000</c>; empty for AWS itself (then <see cref="Region"/> picks the endpoint).</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    /// <summary>Signing region; MinIO and most others accept the default.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Key id and secret; leave both empty to use the platform's credentials (instance or pod role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Optional key prefix, so one bucket can hold several cities or environments.</summary>
    public string? Prefix { get; set; }

    /// <summary>Bucket in the path (<c>host/bucket/key</c>), as MinIO and most self-hosted stores need; false for virtual-host addressing.</summary>
    public bool ForcePathStyle { get; set; } = true;
}
