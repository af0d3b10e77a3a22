namespace CivicConnect.Geo;

public static class GeoPoint
{
    /// <summary>True for a finite WGS 84 latitude/longitude pair.</summary>
    public static bool IsValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;
}
