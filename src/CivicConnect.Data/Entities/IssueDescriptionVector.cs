namespace CivicConnect.Data.Entities;

/// <summary>
/// A report's description as the duplicate ranking's sentence model sees it (its unit vector), kept so
/// that an open report met again as a duplicate candidate is never embedded again (issue 15). Stored
/// beside the issue, not on it: writing it must not touch the issue row, whose <c>xmin</c> guards
/// staff transitions. Valid only for the text it was computed from (<see cref="DescriptionMd5"/>): a
/// description changed or erased since simply no longer matches, and the next ranking replaces it.
/// </summary>
public sealed class IssueDescriptionVector
{
    public long IssueId { get; set; }

    /// <summary>md5 of the description the vector was computed from, as PostgreSQL's <c>md5(text)</c> writes it.</summary>
    public required string DescriptionMd5 { get; set; }

    /// <summary>The unit-length sentence vector (<c>real[]</c>).</summary>
    public required float[] Vector { get; set; }
}
