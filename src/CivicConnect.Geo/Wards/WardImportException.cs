namespace CivicConnect.Geo.Wards;

/// <summary>A ward file that cannot be imported; the message names the feature and what is wrong with it.</summary>
public sealed class WardImportException(string message) : Exception(message);
