using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using GeoLocation = CivicConnect.Core.Messages.GeoLocation;
using LocationSource = CivicConnect.Core.Messages.LocationSource;

namespace CivicConnect.Channels.Media;

/// <summary>Reads the GPS position a camera wrote into a photo's EXIF (JPEG, PNG, WebP, HEIC).</summary>
public static class ExifLocationReader
{
    public static GeoLocation? Read(byte[] image)
    {
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            using var stream = new MemoryStream(image, writable: false);
            directories = ImageMetadataReader.ReadMetadata(stream);
        }
        catch (Exception ex) when (ex is ImageProcessingException or IOException or ArgumentException or IndexOutOfRangeException or NotSupportedException)
        {
            // Unreadable metadata is common and harmless: the photo simply carries no position.
            return null;
        }

        foreach (var gps in directories.OfType<GpsDirectory>())
        {
            if (gps.GetGeoLocation() is { } location
                && double.IsFinite(location.Latitude) && double.IsFinite(location.Longitude)
                && location.Latitude is >= -90 and <= 90 && location.Longitude is >= -180 and <= 180
                // (0, 0) is what some phones write when they had no fix.
                && !(location.Latitude == 0 && location.Longitude == 0))
            {
                // The GPS clock is UTC; the engine sets an old fix aside (a photo from last summer's album).
                DateTimeOffset? capturedAt = gps.TryGetGpsDate(out var taken) ? new DateTimeOffset(DateTime.SpecifyKind(taken, DateTimeKind.Utc)) : null;
                return new GeoLocation(location.Latitude, location.Longitude, null, LocationSource.PhotoExif, capturedAt);
            }
        }

        return null;
    }
}
