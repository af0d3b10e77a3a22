using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.DirectLine.Auth;

/// <summary>
/// Issues and checks Direct Line tokens. A token is self-contained (conversation, optional user,
/// expiry) and HMAC-signed with a key derived from the Direct Line secret, so every node can
/// check it without a database lookup and nobody without the secret can forge one.
/// Format: <c>dl1.{base64url(claims JSON)}.{base64url(HMAC-SHA256)}</c>.
/// </summary>
public sealed class DirectLineTokens(IOptionsMonitor<DirectLineOptions> options, TimeProvider clock)
{
    private const string Version = "dl1";
    private static readonly byte[] KeyPurpose = "CivicConnect Direct Line token v1"u8.ToArray();

    private (string Secret, byte[] Key)? cachedKey;

    public IssuedToken Issue(string conversationId, string? userId)
    {
        var lifetime = options.CurrentValue.TokenLifetime;
        var expires = clock.GetUtcNow() + lifetime;
        var claims = new TokenClaims(conversationId, userId, expires.ToUnixTimeSeconds());
        var body = Version + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims, TokenJson.Default.TokenClaims));
        var token = body + "." + Base64Url.EncodeToString(Sign(body));
        return new IssuedToken(token, conversationId, userId, expires, (int)lifetime.TotalSeconds);
    }

    /// <summary>True when <paramref name="bearer"/> is the Direct Line secret (compared in constant time).</summary>
    public bool IsSecret(string bearer)
    {
        var secret = options.CurrentValue.Secret;
        if (string.IsNullOrEmpty(secret))
        {
            return false;
        }

        // Hash both so the comparison takes the same time whatever the lengths.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(bearer)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    public TokenCheck Check(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Version)
        {
            return TokenCheck.Invalid;
        }

        var body = parts[0] + "." + parts[1];
        byte[] signature;
        byte[] payload;
        try
        {
            signature = Base64Url.DecodeFromChars(parts[2]);
            payload = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException)
        {
            return TokenCheck.Invalid;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(body)))
        {
            return TokenCheck.Invalid;
        }

        TokenClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize(payload, TokenJson.Default.TokenClaims);
        }
        catch (JsonException)
        {
            return TokenCheck.Invalid;
        }

        if (claims is null || string.IsNullOrEmpty(claims.ConversationId))
        {
            return TokenCheck.Invalid;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.ExpiresAt);
        var status = clock.GetUtcNow() >= expires ? TokenStatus.Expired : TokenStatus.Valid;
        return new TokenCheck(status, new IssuedToken(token, claims.ConversationId, claims.UserId, expires, 0));
    }

    private byte[] Sign(string body) => HMACSHA256.HashData(Key(), Encoding.ASCII.GetBytes(body));

    private byte[] Key()
    {
        var secret = options.CurrentValue.Secret ?? throw new InvalidOperationException("DirectLine:Secret is not configured.");
        var cached = cachedKey;
        if (cached is { } c && c.Secret == secret)
        {
            return c.Key;
        }

        // A derived key: the raw secret is never used directly as the signing key.
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), KeyPurpose);
        cachedKey = (secret, key);
        return key;
    }
}

/// <param name="ExpiresInSeconds">Lifetime at issue; 0 for a token that was only checked.</param>
public sealed record IssuedToken(string Token, string ConversationId, string? UserId, DateTimeOffset ExpiresAt, int ExpiresInSeconds);

public enum TokenStatus
{
    Invalid,
    Expired,
    Valid,
}

public sealed record TokenCheck(TokenStatus Status, IssuedToken? Token)
{
    public static readonly TokenCheck Invalid = new(TokenStatus.Invalid, null);
}

internal sealed record TokenClaims(
    [property: JsonPropertyName("c")] string ConversationId,
    [property: JsonPropertyName("u"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UserId,
    [property: JsonPropertyName("e")] long ExpiresAt);

[JsonSerializable(typeof(TokenClaims))]
internal sealed partial class TokenJson : JsonSerializerContext;
