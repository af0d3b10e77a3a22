namespace CivicConnect.Staff.HandOffs;

/// <summary>Why a hand-off action was refused; the API answers each with its status code as problem details, the page with a message.</summary>
public enum HandOffRefusal
{
    /// <summary>No such hand-off (404).</summary>
    NotFound,

    /// <summary>Another department's hand-off (403).</summary>
    Forbidden,

    /// <summary>Held by someone else, or already closed (409).</summary>
    Conflict,

    /// <summary>Bad input: empty or too long text, an unknown category, a place that cannot be found (400).</summary>
    Invalid,
}

public sealed class HandOffRefusedException(HandOffRefusal refusal, string message, IDictionary<string, string[]>? errors = null) : Exception(message)
{
    public HandOffRefusal Refusal { get; } = refusal;

    /// <summary>Field errors for <see cref="HandOffRefusal.Invalid"/>.</summary>
    public IDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public static HandOffRefusedException Invalid(string field, string message) =>
        new(HandOffRefusal.Invalid, message, new Dictionary<string, string[]> { [field] = [message] });
}
