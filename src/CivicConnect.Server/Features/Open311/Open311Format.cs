namespace CivicConnect.Server.Features.Open311;

/// <summary>The response format a client picks with the resource's extension: <c>services.xml</c>, <c>services.json</c>.</summary>
internal enum Open311Format
{
    Xml,
    Json,
}

internal static class Open311Formats
{
    /// <summary>Route constraint for the <c>{format}</c> part of a resource; other extensions are not routes at all.</summary>
    public const string Constraint = "regex(^(json|xml)$)";

    public static Open311Format Parse(string format) =>
        string.Equals(format, "json", StringComparison.OrdinalIgnoreCase) ? Open311Format.Json : Open311Format.Xml;
}
