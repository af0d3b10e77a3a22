namespace CivicConnect.Geo.Places.Resolve;

/// <summary>
/// Points in cells of about 250 m, for "what is nearest to this pin" without scanning every
/// address: the pin's cell and its neighbours are enough within the radius the caller allows.
/// </summary>
public sealed class PointGrid<T>
{
    private const double CellDegrees = 0.0025;
    private readonly Dictionary<(int, int), List<(double Latitude, double Longitude, T Item)>> cells = [];

    public void Add(double latitude, double longitude, T item)
    {
        var key = Cell(latitude, longitude);
        if (!cells.TryGetValue(key, out var list))
        {
            cells[key] = list = [];
        }

        list.Add((latitude, longitude, item));
    }

    public (T Item, double Metres)? Nearest(double latitude, double longitude, double withinMetres)
    {
        var (row, column) = Cell(latitude, longitude);
        var reach = (int)Math.Ceiling(withinMetres / 111_000 / CellDegrees / Math.Cos(double.DegreesToRadians(latitude)));
        (T Item, double Metres)? best = null;
        for (var r = row - reach; r <= row + reach; r++)
        {
            for (var c = column - reach; c <= column + reach; c++)
            {
                if (!cells.TryGetValue((r, c), out var list))
                {
                    continue;
                }

                foreach (var (lat, lon, item) in list)
                {
                    var metres = GeoMath.Metres(latitude, longitude, lat, lon);
                    if (metres <= withinMetres && (best is null || metres < best.Value.Metres))
                    {
                        best = (item, metres);
                    }
                }
            }
        }

        return best;
    }

    private static (int, int) Cell(double latitude, double longitude) =>
        ((int)Math.Floor(latitude / CellDegrees), (int)Math.Floor(longitude / CellDegrees));
}
