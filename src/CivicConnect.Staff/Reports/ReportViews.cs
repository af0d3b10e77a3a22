using System.ComponentModel;

namespace CivicConnect.Staff.Reports;

// What staff read about reports: the API's JSON and the console's pages are the same records.

public sealed record Position(double Lat, double Lon);

/// <param name="SlaBreached">The deadline has passed and the report is not finished.</param>
public sealed record IssueSummary(
    long Id,
    int Reference,
    string Status,
    string Category,
    string Priority,
    string? Department,
    string? AssignedTo,
    string? Ward,
    string Description,
    Position? Location,
    string? AddressText,
    string Channel,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? Deadline,
    int EscalationLevel,
    int VoteCount,
    ReporterView? Reporter,
    bool SlaBreached = false,
    int PhotoCount = 0);

/// <param name="Contact">The channel address: a phone number on SMS/WhatsApp, a conversation id on web chat.</param>
public sealed record ReporterView(string? Channel, string? Contact, string? Name, string? Phone, string? Email, string? Address);

/// <param name="AllowedTriggers">What the reader may do now: the state machine's triggers from this status, less those the reader's role may not fire.</param>
/// <param name="Version">The concurrency token: send it back (If-Match or <c>version</c>) and a change made meanwhile is refused with 409.</param>
/// <param name="Duplicates">Reports closed as duplicates of this one.</param>
public sealed record IssueDetail(
    IssueSummary Issue,
    string Locale,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    string? ResolutionNote,
    string? StatusReason,
    string? ReferredTo,
    int? DuplicateOf,
    int? Satisfaction,
    IReadOnlyList<string> AllowedTriggers,
    IReadOnlyList<MediaView> Media,
    IReadOnlyList<HistoryLine> History,
    uint Version = 0,
    IReadOnlyList<DuplicateView>? Duplicates = null);

public sealed record MediaView(long Id, string ContentType, string Url, string? ThumbnailUrl, long SizeBytes, DateTimeOffset CreatedAt);

public sealed record HistoryLine(string Kind, string Actor, string? From, string To, string? Comment, bool Public, DateTimeOffset At);

public sealed record DuplicateView(long Id, int Reference, string Status, DateTimeOffset CreatedAt);

/// <summary>One page of the list.</summary>
/// <param name="Total">How many reports the filter finds — exactly, unless <paramref name="TotalIsLowerBound"/>.</param>
/// <param name="TotalIsLowerBound">
/// True when the filter finds more than <see cref="ExactTotalUpTo"/> reports and was not counted further:
/// <paramref name="Total"/> is then that many, and there are at least as many (show "10,000+"). The unfiltered
/// list and lists narrowed by status, department and past-deadline only are always exact.
/// </param>
public sealed record IssuePage(
    IReadOnlyList<IssueSummary> Items,
    int Page,
    int PageSize,
    [property: Description("How many reports the filter finds: exact unless totalIsLowerBound.")] int Total,
    [property: Description("True when the filter finds more than 10,000 reports and was not counted further: total is then 10,000 and there are at least as many (show \"10,000+\"). Always false for no filter and for filters of status, department and slaBreached only.")]
    bool TotalIsLowerBound = false)
{
    /// <summary>Up to how many matches the list counts exactly when the lifecycle's counts cannot answer its filter.</summary>
    public const int ExactTotalUpTo = 10_000;
}

/// <summary>The queue's counts over its filter (status aside): per status, and how many are past their deadline.</summary>
public sealed record ReportCounts(IReadOnlyDictionary<string, int> ByStatus, int Total, int SlaBreached);

/// <summary>One job in a field worker's list: the report, what they may do with it now, and its version to act on.</summary>
public sealed record WorkItem(IssueSummary Issue, IReadOnlyList<string> AllowedTriggers, uint Version);

/// <summary>What the queue's filters offer (codes with names in the reader's language).</summary>
public sealed record ReportChoices(IReadOnlyList<Choice> Categories, IReadOnlyList<Choice> Wards, IReadOnlyList<Choice> Departments);

public sealed record Choice(string Code, string Name);
