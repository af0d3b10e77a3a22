namespace CivicConnect.Channels.DirectLine.Auth;

/// <summary>Who is calling the Direct Line API: the holder of the secret, or a token bound to one conversation.</summary>
public sealed record DirectLineCaller(bool IsSecret, IssuedToken? Token)
{
    public static readonly DirectLineCaller Secret = new(true, null);

    /// <summary>The user the token was issued for, if any; it overrides whatever the client puts in <c>from.id</c>.</summary>
    public string? BoundUserId => Token?.UserId;

    public bool MayAccess(string conversationId) => IsSecret || Token?.ConversationId == conversationId;
}

/// <summary>Which credentials an endpoint accepts.</summary>
[Flags]
public enum DirectLineCredentials
{
    Secret = 1,
    Token = 2,
    SecretOrToken = Secret | Token,
}
