namespace CivicConnect.Server.Features.Open311;

/// <summary>A request the spec says to refuse; the endpoint turns it into the spec's error body (not problem details).</summary>
internal sealed class Open311Exception(int statusCode, string description) : Exception(description)
{
    public int StatusCode { get; } = statusCode;

    public static Open311Exception BadRequest(string description) => new(StatusCodes.Status400BadRequest, description);

    public static Open311Exception NotFound(string description) => new(StatusCodes.Status404NotFound, description);
}
