namespace CivicConnect.Core.Privacy;

/// <summary>
/// The one rule for taking a citizen's contact details out of their words before anyone outside the
/// city reads them (the public Open311 feed, report events, an erased report): phone numbers, e-mail
/// addresses and links become <see cref="Removed"/>. A port: finding phone numbers written any way
/// people write them needs libphonenumber, which only the adapters compile against.
/// </summary>
public interface IContactRedactor
{
    const string Removed = "[removed]";

    /// <param name="region">The region whose way of writing phone numbers is tried first (ISO 3166 code, e.g. "CA").</param>
    string Redact(string text, string region);
}
