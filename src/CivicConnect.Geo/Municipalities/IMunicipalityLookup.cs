namespace CivicConnect.Geo.Municipalities;

/// <summary>Which neighbouring municipality handles a point outside city limits, when it is known.</summary>
public interface IMunicipalityLookup
{
    /// <summary>The smallest known municipality holding the point (a town before the county around it); null when none is known.</summary>
    Task<string?> FindAsync(double latitude, double longitude, CancellationToken cancellationToken);
}
