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

    /// <param name="conversationStartedAt">When the conversation began (a refresh passes it on); null: now.</param>
    public IssuedToken Issue(string conversationId, string? userId, DateTimeOffset? conversationStartedAt = null)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        var started = conversationStartedAt ?? now;

        // No token outlives the conversation's maximum lifetime, so refreshing cannot keep one going forever.
        var expires = Min(now + settings.TokenLifetime, started + settings.MaxConversationLifetime);
        var claims = new TokenClaims(conversationId, userId, expires.ToUnixTimeSeconds(), started.ToUnixTimeSeconds());
        var body = Version + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims, TokenJson.Default.TokenClaims));
        var token = body + "." + Base64Url.EncodeToString(Sign(body));
        return new IssuedToken(token, conversationId, userId, expires, (int)Math.Max(0, (expires - now).TotalSeconds), started);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

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
        // Tokens from before the start was recorded count from their own issue time.
        var started = claims.StartedAt is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : expires - options.CurrentValue.TokenLifetime;
        return new TokenCheck(status, new IssuedToken(token, claims.ConversationId, claims.UserId, expires, 0, started));
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
/// <param name="ConversationStartedAt">When the conversation's first token was issued; refreshes keep it.</param>
public sealed record IssuedToken(string Token, string ConversationId, string? UserId, DateTimeOffset ExpiresAt, int ExpiresInSeconds, DateTimeOffset ConversationStartedAt);

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
    [property: JsonPropertyName("e")] long ExpiresAt,
    [property: JsonPropertyName("s")] long? StartedAt);

[JsonSerializable(typeof(TokenClaims))]
internal sealed partial class TokenJson : JsonSerializerContext;
