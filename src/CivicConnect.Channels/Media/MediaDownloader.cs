using System.Net.Http.Headers;
using CivicConnect.Core.Messages;
using Microsoft.Extensions.Logging;

namespace CivicConnect.Channels.Media;

/// <summary>A file a provider holds for us: where to fetch it and what the provider says it is.</summary>
public sealed record MediaReference(Uri Url, string? DeclaredContentType);

/// <summary>The stored attachments, or why none were kept.</summary>
public sealed record MediaDownload(IReadOnlyList<ActivityAttachment> Attachments, MediaProblem? Problem)
{
    public static readonly MediaDownload None = new([], null);
}

/// <summary>
/// Fetches the files a citizen sent through a provider (MMS, WhatsApp) with an
/// <see cref="HttpClient"/> that carries the provider's authentication, and keeps them through
/// the <see cref="IMediaStore"/> (EXIF position read, metadata stripped, thumbnail made). All or
/// nothing: the first file refused removes the ones already stored, so a message is never
/// half-kept. Limits are checked before bytes are read where the provider tells sizes up front.
/// </summary>
public sealed class MediaDownloader(IMediaStore store, ILogger<MediaDownloader> logger)
{
    public async Task<MediaDownload> DownloadAsync(HttpClient client, IReadOnlyList<MediaReference> references, int maxFiles, long maxTotalBytes, CancellationToken cancellationToken)
    {
        if (references.Count == 0)
        {
            return MediaDownload.None;
        }

        if (references.Count > maxFiles)
        {
            return new MediaDownload([], MediaProblem.TooLarge);
        }

        // A declared type that is plainly not a photo is refused without fetching anything.
        if (references.Any(r => r.DeclaredContentType is { } type && !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)))
        {
            return new MediaDownload([], MediaProblem.NotAnImage);
        }

        var stored = new List<StoredMedia>();
        var problem = (MediaProblem?)null;
        try
        {
            long total = 0;
            foreach (var reference in references)
            {
                var (media, refusal) = await FetchOneAsync(client, reference, maxTotalBytes - total, cancellationToken);
                if (media is null)
                {
                    problem = refusal;
                    break;
                }

                stored.Add(media);
                total += media.SizeBytes;
            }
        }
        catch (MediaRejectedException rejected)
        {
            problem = rejected.Reason switch
            {
                MediaRejection.TooLarge => MediaProblem.TooLarge,
                MediaRejection.TooManyPixels => MediaProblem.TooManyPixels,
                _ => MediaProblem.NotAnImage,
            };
        }
        catch (Exception ex) when (Providers.ProviderResilience.IsTransient(ex) || ex is IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The provider sent the headers and then failed mid-body (dropped connection, timeout).
            logger.LogWarning(ex, "A media file broke off while it was fetched from the provider");
            problem = MediaProblem.Unavailable;
        }
        catch
        {
            // Anything else still leaves no half-kept message behind.
            await DeleteAllAsync(stored);
            throw;
        }

        if (problem is not null)
        {
            await DeleteAllAsync(stored);

            logger.LogWarning("Refused {Count} media file(s) from a provider: {Problem}", references.Count, problem);
            return new MediaDownload([], problem);
        }

        return new MediaDownload(stored.Select(m => new ActivityAttachment(
            m.ContentType,
            StoredPath: m.Path,
            ThumbnailPath: m.ThumbnailPath,
            SizeBytes: m.SizeBytes,
            Name: m.OriginalName,
            EmbeddedLocation: m.ExifLocation)).ToArray(), null);
    }

    private async Task DeleteAllAsync(List<StoredMedia> stored)
    {
        foreach (var media in stored)
        {
            await store.DeleteAsync(media, CancellationToken.None);
        }
    }

    private async Task<(StoredMedia? Media, MediaProblem? Problem)> FetchOneAsync(HttpClient client, MediaReference reference, long budget, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(reference.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when (Providers.ProviderResilience.IsTransient(ex) || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "Could not fetch a media file from the provider");
            return (null, MediaProblem.Unavailable);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The provider answered {Status} for a media file", (int)response.StatusCode);
                return (null, MediaProblem.Unavailable);
            }

            if (response.Content.Headers.ContentLength > budget)
            {
                return (null, MediaProblem.TooLarge);
            }

            if (response.Content.Headers.ContentType is MediaTypeHeaderValue { MediaType: { } type } && !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            {
                return (null, MediaProblem.NotAnImage);
            }

            // The store reads at most its own per-photo limit; the remaining budget is enforced here while streaming.
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var limited = new LimitedStream(body, budget);
            return (await store.SaveImageAsync(limited, reference.Url.Segments[^1], cancellationToken), null);
        }
    }

    /// <summary>Reads through, throwing <see cref="MediaRejectedException"/> once more than the budget has come in.</summary>
    private sealed class LimitedStream(Stream inner, long budget) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            read += n;
            if (read > budget)
            {
                throw new MediaRejectedException(MediaRejection.TooLarge, "The files are larger than the message may carry.");
            }

            return n;
        }
    }
}
