using System.Buffers.Text;
using System.Security.Cryptography;

namespace CivicConnect.Channels.DirectLine.Auth;

/// <summary>Conversation ids are unguessable (128 random bits) and URL-safe, since they sit in paths and the token.</summary>
public static class ConversationIds
{
    public const int MaxLength = 64;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Ids we could have issued: URL-safe characters only, bounded length.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: > 0 and <= MaxLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
