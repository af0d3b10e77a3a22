using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CivicConnect.Channels.CitizenPush.Fcm;

/// <summary>The fields of a Google service-account key file that the OAuth JWT bearer grant needs.</summary>
public sealed record FcmServiceAccount(
    [property: JsonPropertyName("project_id")] string ProjectId,
    [property: JsonPropertyName("client_email")] string ClientEmail,
    [property: JsonPropertyName("private_key")] string PrivateKey,
    [property: JsonPropertyName("token_uri")] string TokenUri)
{
    /// <summary>Reads and checks the key file; a broken one stops the start rather than every send.</summary>
    public static FcmServiceAccount Parse(string json)
    {
        var account = JsonSerializer.Deserialize<FcmServiceAccount>(json) ?? throw new JsonException("The service account is empty.");
        if (string.IsNullOrWhiteSpace(account.ProjectId) || string.IsNullOrWhiteSpace(account.ClientEmail) || !Uri.TryCreate(account.TokenUri, UriKind.Absolute, out _))
        {
            throw new JsonException("The service account needs project_id, client_email, private_key and token_uri.");
        }

        using var rsa = RSA.Create();
        rsa.ImportFromPem(account.PrivateKey);
        return account;
    }
}
