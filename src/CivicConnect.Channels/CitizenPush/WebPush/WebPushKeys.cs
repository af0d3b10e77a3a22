using System.Security.Cryptography;

namespace CivicConnect.Channels.CitizenPush.WebPush;

/// <summary>VAPID and subscription keys as browsers and push services write them: unpadded base64url.</summary>
public static class WebPushKeys
{
    /// <summary>A new VAPID pair (P-256): what <c>civic vapid</c> prints.</summary>
    public static (string PublicKey, string PrivateKey) Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        return (Encode([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]), Encode(parameters.D!));
    }

    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The bytes, or null when the text is not base64url.</summary>
    public static byte[]? Decode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var padded = text.Trim().Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
