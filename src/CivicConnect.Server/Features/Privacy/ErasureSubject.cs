using System.Security.Cryptography;
using System.Text;

namespace CivicConnect.Server.Features.Privacy;

/// <summary>Whose data to erase: everything reached from a phone number, one conversation, or one report's reporter.</summary>
public sealed record ErasureSubject(ErasureSubjectKind Kind, string Value)
{
    /// <summary>The audit keeps this instead of the subject: a SHA-256 of its kind and normalised value.</summary>
    public string Hash(string normalised) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Kind.ToString().ToLowerInvariant()}:{normalised}")));
}

public enum ErasureSubjectKind
{
    Phone,
    Conversation,
    Report,
}

/// <summary>What one erasure removed.</summary>
public sealed record ErasureResult(int Conversations, int Reports, int Messages, int Photos);

/// <summary>The subject could not be read (not a phone number, not a conversation id, not a reference number).</summary>
public sealed class ErasureSubjectException(string message) : Exception(message);
