using System.Security.Cryptography;
using System.Text;

namespace CivicConnect.Channels.Alerts;

/// <summary>
/// <c>X-Civic-Signature-256: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the exact body bytes with the
/// shared secret — the same scheme GitHub and Meta use, so receivers can reuse their checks. The
/// body carries the time it was signed, so a receiver can refuse an old one replayed.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Civic-Signature-256";

    public const string Prefix = "sha256=";

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Constant-time check, for receivers written in .NET (and the tests).</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string secret, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, secret)), Encoding.ASCII.GetBytes(header));
}
