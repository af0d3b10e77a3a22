using CivicConnect.Core.Privacy;

namespace CivicConnect.Server.Features.Open311;

/// <summary>
/// What of a citizen's description the public Open311 feed shows (<see cref="Open311Options.Descriptions"/>):
/// the words without contact details (<see cref="IContactRedactor"/>), or nothing. The feed is
/// read by anyone, without a key.
/// </summary>
internal static class PublicDescription
{
    public static string? For(string description, Open311Options options, IContactRedactor redactor) => options.Descriptions switch
    {
        Open311Descriptions.Withheld => null,
        _ => redactor.Redact(description, options.PhoneRegion),
    };
}

/// <summary>How descriptions appear in the public feed.</summary>
public enum Open311Descriptions
{
    /// <summary>The citizen's words without phone numbers, e-mail addresses and links.</summary>
    Redacted,

    /// <summary>No description at all (service name, status, place and dates only).</summary>
    Withheld,
}
