using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Processing;

namespace CivicConnect.Channels.Media;

/// <summary>
/// Stores photos (in <see cref="IMediaBlobs"/>: a folder, or an object store shared by every node),
/// one folder per day, under random names. Decoding is fenced three ways
/// so that no photo, and no burst of photos, can exhaust memory: the pixel count is read from the
/// header before decoding, only <see cref="MediaOptions.MaxConcurrentDecodes"/> decodes run at
/// once, and the image library's allocator refuses any buffer over its limit.
/// </summary>
public sealed class MediaStore(IMediaBlobs blobs, IOptions<MediaOptions> options, TimeProvider clock, ILogger<MediaStore> logger) : IMediaStore, IDisposable
{
    private const string ThumbnailSuffix = ".thumb.jpg";

    private readonly MediaOptions settings = options.Value;

    private readonly SemaphoreSlim decodeSlots = new(options.Value.MaxConcurrentDecodes, options.Value.MaxConcurrentDecodes);

    /// <summary>Our own configuration, so the allocator limit holds for every photo this store touches and nothing else.</summary>
    private readonly Configuration imaging = CreateImagingConfiguration(options.Value);

    public async Task<StoredMedia> SaveImageAsync(Stream content, string? fileName, CancellationToken cancellationToken)
    {
        var original = await ReadLimitedAsync(content, settings.MaxImageBytes, cancellationToken);
        var kind = ImageSniffer.Sniff(original.AsSpan(0, Math.Min(original.Length, ImageSniffer.HeaderLength)))
            ?? throw new MediaRejectedException(MediaRejection.NotAnImage, "Only photos (JPEG, PNG, WebP or HEIC) can be sent.");

        // Read the position before the metadata is stripped: it is often the best location we get.
        var exifLocation = ExifLocationReader.Read(original);
        var (stored, thumbnail) = kind == ImageKind.Heic ? (ScrubHeic(original), null) : await ReencodeOneAtATimeAsync(original, kind, cancellationToken);

        var folder = clock.GetUtcNow().ToString("yyyy'/'MM'/'dd", System.Globalization.CultureInfo.InvariantCulture);
        var name = Guid.NewGuid().ToString("N");
        var path = $"{folder}/{name}{ImageSniffer.Extension(kind)}";
        var thumbnailPath = thumbnail is null ? null : $"{folder}/{name}{ThumbnailSuffix}";
        await blobs.WriteAsync(path, stored, ImageSniffer.ContentType(kind), cancellationToken);
        if (thumbnailPath is not null)
        {
            await blobs.WriteAsync(thumbnailPath, thumbnail!, "image/jpeg", cancellationToken);
        }

        logger.LogInformation("Stored {ContentType} photo {Path} ({Bytes} bytes, EXIF location: {HasLocation})", ImageSniffer.ContentType(kind), path, stored.Length, exifLocation is not null);
        return new StoredMedia(path, thumbnailPath, ImageSniffer.ContentType(kind), stored.Length, exifLocation, SafeName(fileName));
    }

    public async Task<StoredFile?> OpenAsync(string path, CancellationToken cancellationToken)
    {
        if (ContentTypeOf(path) is not { } contentType)
        {
            return null;
        }

        return await blobs.OpenReadAsync(path, cancellationToken) is { } content ? new StoredFile(content, contentType) : null;
    }

    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (await OpenAsync(path, cancellationToken) is not { } file)
        {
            return null;
        }

        await using (file.Content)
        {
            using var copy = new MemoryStream();
            await file.Content.CopyToAsync(copy, cancellationToken);
            return copy.ToArray();
        }
    }

    public async Task DeleteAsync(StoredMedia media, CancellationToken cancellationToken)
    {
        foreach (var path in new[] { media.Path, media.ThumbnailPath })
        {
            if (path is not null && ContentTypeOf(path) is not null)
            {
                await blobs.DeleteAsync(path, cancellationToken);
            }
        }
    }

    /// <summary>The content type of a path this store could have written, or null for anything else (traversal, odd names, other extensions).</summary>
    private static string? ContentTypeOf(string path) =>
        !IsSafeRelativePath(path) ? null : Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jpg" => "image/jpeg",
            ".png" => "image/png",
            ".webp" => "image/webp",
            ".heic" => "image/heic",
            _ => null,
        };

    /// <summary>Stored paths are ours: "yyyy/MM/dd/name.ext". Anything else (.., absolute, odd characters) is refused.</summary>
    private static bool IsSafeRelativePath(string path) =>
        path.Length is > 0 and <= 200
        && path.Split('/').All(segment => segment.Length > 0 && segment[0] != '.' && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'));

    private static async Task<byte[]> ReadLimitedAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new MediaRejectedException(MediaRejection.TooLarge, $"A photo can be at most {limit / (1024 * 1024.0):0.#} MB.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static byte[] ScrubHeic(byte[] original)
    {
        var copy = (byte[])original.Clone();
        if (!HeifMetadataScrubber.Scrub(copy) || ExifLocationReader.Read(copy) is not null)
        {
            throw new MediaRejectedException(MediaRejection.NotAnImage, "This HEIC file could not be read; send the photo as JPEG.");
        }

        return copy;
    }

    public void Dispose()
    {
        decodeSlots.Dispose();
        imaging.MemoryAllocator.ReleaseRetainedResources();
    }

    private static Configuration CreateImagingConfiguration(MediaOptions settings)
    {
        var configuration = Configuration.Default.Clone();
        configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
        {
            AllocationLimitMegabytes = settings.DecodeAllocationLimitMegabytes,

            // The pool keeps freed buffers for reuse; cap it so memory returns after a burst.
            MaximumPoolSizeMegabytes = settings.DecodeAllocationLimitMegabytes,
        });
        return configuration;
    }

    private async Task<(byte[] Stored, byte[] Thumbnail)> ReencodeOneAtATimeAsync(byte[] original, ImageKind kind, CancellationToken cancellationToken)
    {
        // The pixel check needs only the header, so an oversized photo is refused without waiting for a slot.
        CheckDimensions(original);
        await decodeSlots.WaitAsync(cancellationToken);
        try
        {
            return Reencode(original, kind);
        }
        finally
        {
            decodeSlots.Release();
        }
    }

    private void CheckDimensions(byte[] original)
    {
        IImageInfo? info;
        try
        {
            info = Image.Identify(imaging, original, out _);
        }
        catch (Exception ex) when (ex is ImageFormatException or NotSupportedException)
        {
            // A truncated or corrupt file can fail already while its header is read.
            throw new MediaRejectedException(MediaRejection.NotAnImage, "The photo could not be read.");
        }

        if (info is null)
        {
            throw new MediaRejectedException(MediaRejection.NotAnImage, "The photo could not be read.");
        }

        if ((long)info.Width * info.Height > settings.MaxImagePixels)
        {
            throw new MediaRejectedException(
                MediaRejection.TooManyPixels,
                $"The photo is {info.Width}×{info.Height} pixels; at most {settings.MaxImagePixels / 1_000_000.0:0.#} megapixels can be taken. Send a smaller photo.");
        }
    }

    private (byte[] Stored, byte[] Thumbnail) Reencode(byte[] original, ImageKind kind)
    {
        try
        {
            using var image = Image.Load(imaging, original);

            // Apply the EXIF orientation to the pixels first: once EXIF is gone, a sideways photo would stay sideways.
            image.Mutate(x => x.AutoOrient());
            StripMetadata(image);

            var stored = Encode(image, kind switch
            {
                ImageKind.Png => new PngEncoder(),
                ImageKind.WebP => new WebpEncoder { Quality = 85 },
                _ => new JpegEncoder { Quality = 85 },
            });

            using var thumbnail = image.Clone(x => x
                .Resize(new ResizeOptions { Size = new Size(settings.ThumbnailSize, settings.ThumbnailSize), Mode = ResizeMode.Max })
                .BackgroundColor(Color.White));
            return (stored, Encode(thumbnail, new JpegEncoder { Quality = 75 }));
        }
        catch (Exception ex) when (ex is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            throw new MediaRejectedException(MediaRejection.NotAnImage, "The photo could not be read.");
        }
        catch (InvalidMemoryOperationException)
        {
            // The header understated what decoding takes (or lied): the allocator fence held.
            throw new MediaRejectedException(MediaRejection.TooManyPixels, "The photo is too large to be opened. Send a smaller photo.");
        }
    }

    private static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.GetPngMetadata().TextData.Clear();
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
        }
    }

    private static byte[] Encode(Image image, IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }

    private static string? SafeName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        return name.Length > 100 ? name[..100] : name;
    }
}
