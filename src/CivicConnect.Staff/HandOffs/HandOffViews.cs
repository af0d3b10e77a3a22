namespace CivicConnect.Staff.HandOffs;

/// <summary>One hand-off in the agents' inbox.</summary>
/// <param name="Citizen">The citizen's address, masked: enough to tell two apart, not to copy a phone number.</param>
public sealed record HandOffSummary(
    long Id,
    string Channel,
    string Citizen,
    string Locale,
    string? Department,
    string Status,
    string? HeldBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset LastMessageAt,
    string? Preview);

/// <summary>A hand-off as the agent works it: the transcript (earlier messages first) and the draft report.</summary>
public sealed record HandOffDetail(HandOffSummary HandOff, string? Outcome, int? ReferenceNumber, IReadOnlyList<TranscriptLine> Transcript, DraftView? Draft);

/// <param name="Speaker">citizen, agent or bot.</param>
/// <param name="Earlier">True for messages from before the hand-off was asked for (the inbox and outbox of the conversation).</param>
public sealed record TranscriptLine(string Speaker, string? Author, string Text, DateTimeOffset At, bool Earlier);

/// <summary>The report the citizen was making: what the agent can file, and what is still missing.</summary>
public sealed record DraftView(
    string? Description,
    string? CategoryCode,
    string? CategoryName,
    string? Place,
    double? Latitude,
    double? Longitude,
    string? Ward,
    int Photos,
    IReadOnlyDictionary<string, string> Details,
    string? Awaiting);

/// <summary>An agent's line as stored.</summary>
public sealed record SentLine(long Id, string Text, DateTimeOffset At);

/// <summary>The report an agent filed from a hand-off.</summary>
public sealed record FiledReport(long IssueId, int ReferenceNumber, string Department);

/// <summary>
/// What the agent supplies when filing: anything given replaces the draft's, and category and
/// place are required when the draft lacks them. A place is typed words (an address, a corner, a
/// landmark) or a point.
/// </summary>
public sealed record FileRequest(string? Category = null, string? Place = null, double? Latitude = null, double? Longitude = null, string? Description = null);
