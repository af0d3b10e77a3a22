using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CivicConnect.Channels.DirectLine.Auth;

/// <summary>
/// A citizen key: a random secret (at least 128 bits, base64url) that a web page or app keeps on
/// the device when the citizen asks to be remembered, and sends to get a token for their open
/// conversation. It is a bearer secret, so the server never keeps it: the conversation's user id
/// is its SHA-256 (<c>ck_…</c>), which tokens carry as their bound user. A key of 128 random bits
/// needs no slow hash: nobody can try enough of them.
/// Ids in the <c>ck_</c> namespace are only ever derived here; a client that names one itself is
/// ignored (<see cref="FromClient"/>), so nobody can plant a conversation another key would rejoin.
/// </summary>
public static class CitizenKeys
{
    /// <summary>22 base64url characters carry 132 bits.</summary>
    public const int MinLength = 22;

    public const int MaxLength = 128;

    public const string UserIdPrefix = "ck_";
    private static readonly byte[] Purpose = "CivicConnect citizen key v1\n"u8.ToArray();

    public static bool IsWellFormed(string? key) =>
        key is { Length: >= MinLength and <= MaxLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The user id a key stands for: what is stored and what tokens are bound to.</summary>
    public static string UserIdFor(string key)
    {
        var input = new byte[Purpose.Length + Encoding.ASCII.GetByteCount(key)];
        Purpose.CopyTo(input, 0);
        Encoding.ASCII.GetBytes(key, input.AsSpan(Purpose.Length));
        return UserIdPrefix + Base64Url.EncodeToString(SHA256.HashData(input));
    }

    public static bool IsKeyUserId(string? userId) => userId is not null && userId.StartsWith(UserIdPrefix, StringComparison.Ordinal);

    /// <summary>A user id a client named itself (not bound by a token): kept unless it claims a key's namespace.</summary>
    public static string? FromClient(string? userId) => IsKeyUserId(userId) ? null : userId;
}
