namespace CivicConnect.Staff.Map;

/// <summary>What the map shows of the open reports in a box: clusters where they bunch up at this zoom, single reports elsewhere.</summary>
/// <param name="Total">Open reports in the box (the clusters' counts plus the single reports, unless <paramref name="Truncated"/>).</param>
/// <param name="Truncated">More cells than <see cref="MapOptions.MaxItems"/>: the smallest were left out.</param>
public sealed record MapReports(int Zoom, IReadOnlyList<MapCluster> Clusters, IReadOnlyList<MapReport> Reports, int Total, bool Truncated);

/// <summary>Two or more open reports in one grid cell.</summary>
/// <param name="Latitude">The mean of its reports' positions (where the marker goes).</param>
/// <param name="DominantCategory">The code of the category most of its reports have (the marker's colour).</param>
/// <param name="MinLongitude">Its reports' extent: clicking a cluster zooms to it.</param>
public sealed record MapCluster(
    double Latitude, double Longitude, int Count, string DominantCategory,
    double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude);

/// <summary>One open report alone in its cell.</summary>
public sealed record MapReport(long Id, int ReferenceNumber, double Latitude, double Longitude, string Category, string Priority, string Status);
