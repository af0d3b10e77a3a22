using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.CitizenPush.Fcm;

/// <summary>
/// OAuth 2.0 access tokens for FCM from the service account (RFC 7523 JWT bearer grant): a JWT
/// signed RS256 with the account's key, posted to its <c>token_uri</c>. A token is kept until a
/// minute before it expires, so sends do not each pay a round trip; a 401 from FCM drops it.
/// </summary>
internal sealed class FcmAccessTokens(IHttpClientFactory httpClients, IOptions<FcmOptions> options, TimeProvider clock) : IDisposable
{
    public const string HttpClientName = "fcm-token";
    private const string Scope = "https://www.googleapis.com/auth/firebase.messaging";

    private readonly Lazy<FcmServiceAccount> account = new(() => FcmServiceAccount.Parse(options.Value.ReadServiceAccount()));
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset Until)? current;

    public FcmServiceAccount Account => account.Value;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (current is { } held && held.Until > clock.GetUtcNow())
        {
            return held.Token;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is { } again && again.Until > clock.GetUtcNow())
            {
                return again.Token;
            }

            var now = clock.GetUtcNow();
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(
                new Uri(Account.TokenUri),
                new FormUrlEncodedContent([new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), new("assertion", Assertion(now))]),
                cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new FcmTokenException($"The token endpoint refused the service account ({(int)response.StatusCode}): {body}", permanent: (int)response.StatusCode is 400 or 401 or 403);
            }

            var answer = JsonNode.Parse(body);
            var token = answer?["access_token"]?.GetValue<string>() ?? throw new FcmTokenException("The token endpoint answered without an access_token.", permanent: false);
            var lifetime = TimeSpan.FromSeconds(answer["expires_in"]?.GetValue<int>() ?? 3600);
            current = (token, now + lifetime - TimeSpan.FromMinutes(1));
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>FCM said the token is no longer good: the next send gets a new one.</summary>
    public void Forget() => current = null;

    private string Assertion(DateTimeOffset now)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT" }));
        var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = Account.ClientEmail,
            scope = Scope,
            aud = Account.TokenUri,
            iat = now.ToUnixTimeSeconds(),
            exp = now.AddHours(1).ToUnixTimeSeconds(),
        }));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(Account.PrivateKey);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(header + "." + claims), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + claims + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class FcmTokenException(string message, bool permanent) : Exception(message)
{
    public bool Permanent { get; } = permanent;
}
