namespace CivicConnect.Data.Entities;

/// <summary>
/// How many reports one department (null: none yet) holds in one status, with or without a deadline:
/// the staff queue's counts read these few rows instead of every report (issue 15). Written only by the
/// database (the <c>issues</c> triggers of migration <c>IssueStatusCounts</c>), in the transaction of the
/// write that changed a report, whichever code made it; code only reads it. A key's count is the sum of
/// its <see cref="Slot"/> rows: each connection adds to its own slot, so concurrent transitions rarely wait
/// on the same row, and one slot alone may be negative.
/// </summary>
public sealed class IssueStatusCount
{
    public long Id { get; set; }

    public int? DepartmentId { get; set; }

    public IssueStatus Status { get; set; }

    /// <summary>Whether these reports have a deadline: with it, "past deadline" is what is open minus what is still due.</summary>
    public bool HasDeadline { get; set; }

    public short Slot { get; set; }

    public int Reports { get; set; }
}
