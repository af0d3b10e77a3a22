namespace CivicConnect.Channels.Media;

public enum ImageKind
{
    Jpeg,
    Png,
    WebP,
    Heic,
}

/// <summary>Recognises accepted image formats from their first bytes; a file's name and declared type are never trusted.</summary>
public static class ImageSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeaderLength = 64;

    // Signatures are byte arrays, never string literals: "\x89" in a C# string is U+0089, which UTF-8
    // encodes as C2 89, so a string-built PNG signature matches no real PNG.
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] RiffSignature = [0x52, 0x49, 0x46, 0x46];
    private static readonly byte[] WebPSignature = [0x57, 0x45, 0x42, 0x50];
    private static readonly byte[] FtypBox = [0x66, 0x74, 0x79, 0x70];

    private static readonly string[] HeifBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"];
    private static readonly string[] GenericHeifBrands = ["mif1", "msf1"];

    public static ImageKind? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(JpegSignature))
        {
            return ImageKind.Jpeg;
        }

        if (header.StartsWith(PngSignature))
        {
            return ImageKind.Png;
        }

        if (header.Length >= 12 && header.StartsWith(RiffSignature) && header[8..12].SequenceEqual(WebPSignature))
        {
            return ImageKind.WebP;
        }

        return IsHeif(header) ? ImageKind.Heic : null;
    }

    public static string ContentType(ImageKind kind) => kind switch
    {
        ImageKind.Jpeg => "image/jpeg",
        ImageKind.Png => "image/png",
        ImageKind.WebP => "image/webp",
        _ => "image/heic",
    };

    public static string Extension(ImageKind kind) => kind switch
    {
        ImageKind.Jpeg => ".jpg",
        ImageKind.Png => ".png",
        ImageKind.WebP => ".webp",
        _ => ".heic",
    };

    /// <summary>ISO BMFF 'ftyp' box whose major or compatible brand is an HEIC (HEVC-coded HEIF) brand; AVIF is not accepted.</summary>
    private static bool IsHeif(ReadOnlySpan<byte> header)
    {
        if (header.Length < 16 || !header[4..8].SequenceEqual(FtypBox))
        {
            return false;
        }

        var boxSize = (int)Math.Min((uint)(header[0] << 24 | header[1] << 16 | header[2] << 8 | header[3]), (uint)header.Length);
        var major = System.Text.Encoding.ASCII.GetString(header[8..12]);
        if (HeifBrands.Contains(major))
        {
            return true;
        }

        if (!GenericHeifBrands.Contains(major))
        {
            return false;
        }

        for (var offset = 16; offset + 4 <= boxSize; offset += 4)
        {
            if (HeifBrands.Contains(System.Text.Encoding.ASCII.GetString(header[offset..(offset + 4)])))
            {
                return true;
            }
        }

        return false;
    }
}
