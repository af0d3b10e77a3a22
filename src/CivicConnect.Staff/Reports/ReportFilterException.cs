namespace CivicConnect.Staff.Reports;

/// <summary>A filter value that cannot be read (an unknown status, a malformed box): a 400 with field errors on the API, a message on a page.</summary>
public sealed class ReportFilterException(IDictionary<string, string[]> errors)
    : Exception("See 'errors' for each field that is invalid.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
