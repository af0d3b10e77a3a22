using System.Security.Cryptography;
using System.Text;

namespace CivicConnect.LoadGen;

/// <summary>Twilio's documented webhook signature: Base64(HMAC-SHA1(auth token, URL + each field name and value, sorted by name)).</summary>
internal static class TwilioSigner
{
    public static string Sign(string authToken, string url, IReadOnlyDictionary<string, string> fields)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

        // SHA-1 is Twilio's choice for this signature, not ours.
#pragma warning disable CA5350
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }
}
