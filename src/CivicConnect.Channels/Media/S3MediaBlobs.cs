using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Media;

/// <summary>
/// Photos in an S3-compatible object store (<c>Media:Storage = S3</c>), so every node serves every
/// photo and none is lost with a node's disk. A PUT is atomic in S3: readers see the whole object or none.
/// </summary>
public sealed class S3MediaBlobs : IMediaBlobs, IDisposable
{
    private readonly AmazonS3Client client;

    private readonly string bucket;

    private readonly string prefix;

    public S3MediaBlobs(IOptions<MediaOptions> options)
    {
        var settings = options.Value.S3;
        bucket = settings.Bucket ?? throw new InvalidOperationException("Media:S3:Bucket is not set.");
        prefix = string.IsNullOrWhiteSpace(settings.Prefix) ? string.Empty : settings.Prefix.Trim('/') + "/";
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.ForcePathStyle,
            AuthenticationRegion = settings.Region,

            // The SDK's default adds CRC checksums in a trailing, chunked body that not every
            // S3-compatible store understands; ask for them only where the API requires one.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(settings.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region);
        }
        else
        {
            config.ServiceURL = settings.ServiceUrl;
        }

        client = string.IsNullOrEmpty(settings.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
    }

    public async Task WriteAsync(string path, byte[] bytes, string contentType, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(bytes, writable: false);
        await client.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = bucket,
                Key = prefix + path,
                InputStream = body,
                ContentType = contentType,
                AutoCloseStream = false,

                // A plain signed body: the streaming (aws-chunked) signature is not universal among S3-compatible stores.
                UseChunkEncoding = false,
            },
            cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            // The response holds nothing but its body; disposing the body releases the connection.
            var response = await client.GetObjectAsync(bucket, prefix + path, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        await client.DeleteObjectAsync(bucket, prefix + path, cancellationToken);

    public void Dispose() => client.Dispose();
}
