using System.Security.Cryptography;
using System.Text;

namespace CivicConnect.Integration.Tests.Twilio;

/// <summary>
/// Twilio's documented request signature, written here independently of the library the server
/// uses: the full URL, then every POST field sorted by name with name and value appended, HMAC-SHA1
/// keyed by the auth token, base64.
/// </summary>
public static class TwilioSignatures
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> fields)
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
