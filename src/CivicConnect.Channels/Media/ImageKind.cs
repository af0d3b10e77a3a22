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

    private static readonly string[] HeifBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"];
    private static readonly string[] GenericHeifBrands = ["mif1", "msf1"];

    public static ImageKind? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return ImageKind.Jpeg;
        }

        if (header.StartsWith("\x89PNG\r\n\x1A\n"u8.ToArray()))
        {
            return ImageKind.Png;
        }

        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
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
        if (header.Length < 16 || !header[4..8].SequenceEqual("ftyp"u8))
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
