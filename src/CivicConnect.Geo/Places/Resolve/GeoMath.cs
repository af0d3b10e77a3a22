namespace CivicConnect.Geo.Places.Resolve;

/// <summary>Distances on the scale of a city, where an equirectangular projection is within a metre.</summary>
public static class GeoMath
{
    private const double EarthRadiusMetres = 6_371_000;

    public static double Metres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var x = double.DegreesToRadians(longitude2 - longitude1) * Math.Cos(double.DegreesToRadians((latitude1 + latitude2) / 2));
        var y = double.DegreesToRadians(latitude2 - latitude1);
        return Math.Sqrt((x * x) + (y * y)) * EarthRadiusMetres;
    }
}
