namespace CivicConnect.Intelligence.Tuning;

/// <summary>A supervisor's change that cannot be stored as given; the API answers 400 naming each field, a page shows the messages.</summary>
public sealed class TuningInputException(IDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static TuningInputException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
