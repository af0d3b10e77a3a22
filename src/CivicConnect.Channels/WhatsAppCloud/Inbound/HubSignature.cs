using System.Security.Cryptography;
using System.Text;

namespace CivicConnect.Channels.WhatsAppCloud.Inbound;

/// <summary>
/// Meta signs each webhook body with the app secret: <c>X-Hub-Signature-256: sha256=</c> + the
/// lowercase hex HMAC-SHA256 of the raw bytes. Checked on the bytes as received (never on
/// re-serialised JSON) and compared in constant time.
/// </summary>
internal static class HubSignature
{
    public const string Header = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    public static bool IsValid(string? header, byte[] body, string appSecret)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        byte[] claimed;
        try
        {
            claimed = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }
}
