namespace CivicConnect.Server.Hosting;

/// <summary>Thrown by handlers for input that fails validation; becomes a 400 with field errors.</summary>
internal sealed class RequestValidationException(IDictionary<string, string[]> errors)
    : Exception("See 'errors' for each field that is invalid.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
