using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace CivicConnect.Integration.Tests.DirectLine;

/// <summary>Photos made by the tests themselves, with the EXIF a phone camera writes.</summary>
public static class TestImages
{
    /// <summary>
    /// A minimal HEIF container as iPhones write them (ftyp "heic", meta with an Exif item located
    /// in mdat) carrying the same GPS position. It has no picture: nothing here decodes HEVC, and
    /// the store only reads and blanks the metadata of HEIC files.
    /// </summary>
    public static byte[] HeicWithGps()
    {
        var tiff = GpsExif().ToByteArray()!;
        var headerOffset = tiff.AsSpan().StartsWith("Exif\0\0"u8) ? 6u : 0u;
        var exifItem = Concat(U32(headerOffset), tiff);

        var ftyp = Box("ftyp", Concat("heic"u8.ToArray(), U32(0), "mif1"u8.ToArray(), "heic"u8.ToArray()));
        var hdlr = FullBox("hdlr", Concat(U32(0), "pict"u8.ToArray(), new byte[12], [0]));
        var pitm = FullBox("pitm", U16(2));

        // Item 1 is the Exif block; item 2 stands for the (absent) picture it describes ('cdsc').
        var exifInfe = FullBox("infe", Concat(U16(1), U16(0), "Exif"u8.ToArray(), [0]), version: 2);
        var imageInfe = FullBox("infe", Concat(U16(2), U16(0), "hvc1"u8.ToArray(), [0]), version: 2);
        var iinf = FullBox("iinf", Concat(U16(2), exifInfe, imageInfe));
        var iref = FullBox("iref", Box("cdsc", Concat(U16(1), U16(1), U16(2))));
        var ilocLength = 8 + 4 + 2 + 2 + 2 + 2 + 2 + 4 + 4;
        var metaLength = 8 + 4 + hdlr.Length + pitm.Length + iinf.Length + iref.Length + ilocLength;
        var exifOffset = (uint)(ftyp.Length + metaLength + 8);
        var iloc = FullBox("iloc", Concat([0x44, 0x00], U16(1), U16(1), U16(0), U16(1), U32(exifOffset), U32((uint)exifItem.Length)));
        var meta = FullBox("meta", Concat(hdlr, pitm, iinf, iref, iloc));
        return Concat(ftyp, meta, Box("mdat", exifItem));
    }

    private static ExifProfile GpsExif(DateTime? fixTakenUtc = null)
    {
        var exif = new ExifProfile();
        if (fixTakenUtc is { } taken)
        {
            // As cameras write the fix time: a UTC date "yyyy:MM:dd" and hours, minutes, seconds as rationals.
            exif.SetValue(ExifTag.GPSDateStamp, taken.ToString("yyyy':'MM':'dd", System.Globalization.CultureInfo.InvariantCulture));
            exif.SetValue(ExifTag.GPSTimestamp, [new Rational((uint)taken.Hour, 1), new Rational((uint)taken.Minute, 1), new Rational((uint)taken.Second, 1)]);
        }

        exif.SetValue(ExifTag.Make, "TestPhone");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(51, 1), new Rational(2, 1), new Rational(1644, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "W");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(114, 1), new Rational(4, 1), new Rational(1920, 100)]);
        return exif;
    }

    private static byte[] Box(string type, byte[] payload) => Concat(U32((uint)(payload.Length + 8)), System.Text.Encoding.ASCII.GetBytes(type), payload);

    private static byte[] FullBox(string type, byte[] payload, byte version = 0) => Box(type, Concat([version, 0, 0, 0], payload));

    private static byte[] U32(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static byte[] U16(ushort value) => [(byte)(value >> 8), (byte)value];

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>Every format a citizen may send, as (name, declared content type, stored content type).</summary>
    public static TheoryData<string> AcceptedFormats => new() { "jpeg", "png", "webp", "heic" };

    /// <summary>A small real photo in <paramref name="format"/> (jpeg, png, webp, heic) and the content type a provider declares for it.</summary>
    public static (byte[] Data, string ContentType) Photo(string format)
    {
        if (format == "heic")
        {
            return (HeicWithGps(), "image/heic");
        }

        using var image = new Image<Rgb24>(64, 64, new Rgb24(120, 110, 100));
        using var output = new MemoryStream();
        switch (format)
        {
            case "jpeg":
                image.SaveAsJpeg(output);
                break;
            case "png":
                image.SaveAsPng(output);
                break;
            case "webp":
                image.SaveAsWebp(output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Not an accepted photo format.");
        }

        return (output.ToArray(), "image/" + format);
    }

    /// <summary>
    /// A valid 7000×7000 grey PNG (49 MP, ~200 MB once decoded as RGBA): one flat colour compresses to
    /// a few hundred KB, under every byte limit, which is exactly what makes it dangerous to decode.
    /// Written chunk by chunk (scanlines deflated as they are made) so the test never holds the
    /// decoded picture itself.
    /// </summary>
    public static byte[] HugePng() => HugePngBytes.Value;

    private static readonly Lazy<byte[]> HugePngBytes = new(() => FlatGreyPng(7000, 7000));

    private static byte[] FlatGreyPng(int width, int height)
    {
        using var idat = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(idat, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            // Each scanline: filter type 0 (none), then one grey byte per pixel.
            var scanline = new byte[width + 1];
            Array.Fill(scanline, (byte)128, 1, width);
            for (var y = 0; y < height; y++)
            {
                zlib.Write(scanline);
            }
        }

        // IHDR: width, height, bit depth 8, colour type 0 (greyscale), compression 0, filter 0, interlace 0.
        var header = Concat(U32((uint)width), U32((uint)height), [8, 0, 0, 0, 0]);
        return Concat([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], PngChunk("IHDR", header), PngChunk("IDAT", idat.ToArray()), PngChunk("IEND", []));
    }

    private static byte[] PngChunk(string type, byte[] data)
    {
        var typeAndData = Concat(System.Text.Encoding.ASCII.GetBytes(type), data);
        return Concat(U32((uint)data.Length), typeAndData, U32(Crc32(typeAndData)));
    }

    /// <summary>The CRC-32 (ISO 3309) every PNG chunk ends with.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>A JPEG taken at 17 Ave SW &amp; 4 St SW in Calgary (51.0379 N, 114.0720 W) according to its EXIF GPS tags.</summary>
    public static byte[] JpegWithGps(DateTime? fixTakenUtc = null)
    {
        using var image = new Image<Rgb24>(640, 480, new Rgb24(90, 90, 90));
        image.Metadata.ExifProfile = GpsExif(fixTakenUtc);
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }
}
