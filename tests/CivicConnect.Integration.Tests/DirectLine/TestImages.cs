using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace CivicConnect.Integration.Tests.DirectLine;

/// <summary>Photos made by the tests themselves, with the EXIF a phone camera writes.</summary>
public static class TestImages
{
    /// <summary>A JPEG taken at 17 Ave SW &amp; 4 St SW in Calgary (51.0379 N, 114.0720 W) according to its EXIF GPS tags.</summary>
    public static byte[] JpegWithGps()
    {
        using var image = new Image<Rgb24>(640, 480, new Rgb24(90, 90, 90));
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "TestPhone");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(51, 1), new Rational(2, 1), new Rational(1644, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "W");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(114, 1), new Rational(4, 1), new Rational(1920, 100)]);
        image.Metadata.ExifProfile = exif;
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }
}
