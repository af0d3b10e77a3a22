namespace CivicConnect.Staff.Reports;

/// <summary>The report belongs to another department (or the viewer has no role that reads reports): 403 on the API, the refusal page in the console.</summary>
public sealed class ReportForbiddenException(string message) : Exception(message);
