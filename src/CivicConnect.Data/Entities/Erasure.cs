namespace CivicConnect.Data.Entities;

/// <summary>
/// The audit line of one erasure of a person's data: who did it, what kind of subject it was and
/// how much was removed. The subject (a phone number, a conversation, a report) is kept only as a
/// SHA-256 so the audit itself holds no contact; "was this number erased?" can still be answered.
/// </summary>
public sealed class Erasure
{
    public long Id { get; set; }

    /// <summary>The supervisor's name, or <c>civic erase</c> with the operator's account.</summary>
    public required string Actor { get; set; }

    /// <summary><c>phone</c>, <c>conversation</c> or <c>report</c>.</summary>
    public required string SubjectKind { get; set; }

    public required string SubjectHash { get; set; }

    public int Conversations { get; set; }

    public int Reports { get; set; }

    /// <summary>Inbox, outbox, transcript and hand-off lines removed.</summary>
    public int Messages { get; set; }

    public int Photos { get; set; }

    public DateTimeOffset ErasedAt { get; set; }
}
