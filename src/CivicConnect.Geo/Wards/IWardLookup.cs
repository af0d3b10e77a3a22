namespace CivicConnect.Geo.Wards;

/// <summary>Which ward contains a point. A point outside every ward is outside city limits, not an error.</summary>
public interface IWardLookup
{
    Task<WardMatch?> FindAsync(double latitude, double longitude, CancellationToken cancellationToken);
}

public sealed record WardMatch(int Id, string Code, string Name);
