using CivicConnect.Conversation.Activities;
using CivicConnect.Core.Issues;

namespace CivicConnect.Conversation.State;

/// <summary>The report as filled so far. Each slot is filled from whatever message provides it.</summary>
public sealed class IntakeDraft
{
    public DateTimeOffset StartedAt { get; set; }

    public string? Description { get; set; }

    public List<DraftPhoto> Photos { get; set; } = [];

    public string? CategoryCode { get; set; }

    /// <summary>Classifier's runner-ups, best first, offered when it was unsure.</summary>
    public List<string> CategoryCandidates { get; set; } = [];

    public Priority? Priority { get; set; }

    /// <summary>Place words found in the description, tried before asking where.</summary>
    public string? LocationText { get; set; }

    /// <summary>A place found but not yet confirmed by the citizen.</summary>
    public DraftPlace? PendingPlace { get; set; }

    /// <summary>Several matches for typed words: offered as choices.</summary>
    public List<DraftPlace> PlaceOptions { get; set; } = [];

    public DraftPlace? Place { get; set; }

    /// <summary>A community the citizen named: too coarse to file at, it narrows the next place they type ("where in Bowness?").</summary>
    public DraftPlace? Area { get; set; }

    public bool DuplicateChecked { get; set; }

    public long? DuplicateIssueId { get; set; }

    public int? DuplicateReference { get; set; }

    /// <summary>Follow-up answers by attribute code.</summary>
    public Dictionary<string, string> Attributes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> SkippedAttributes { get; set; } = [];

    /// <summary>True: updates on this channel. False: anonymous. Null: not asked yet.</summary>
    public bool? WantsUpdates { get; set; }

    public bool HandOffRequested { get; set; }
}

public sealed record DraftPhoto(string ContentType, string? StoredPath, string? Url, string? ThumbnailPath, long SizeBytes);

/// <param name="WardCode">Null when outside city limits.</param>
public sealed record DraftPlace(string Label, double Latitude, double Longitude, int? WardId, string? WardCode, string? WardName, LocationSource Source);
