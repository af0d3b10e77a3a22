namespace CivicConnect.Data.Entities;

/// <summary>How a department hears about the reports routed to it (the <c>newReports</c> setting of the service catalogue).</summary>
public enum NewReportNotice
{
    /// <summary>Not at all: staff look at their queue.</summary>
    Off,

    /// <summary>One alert per report, written in the transaction that routes it.</summary>
    Immediate,

    /// <summary>One digest an hour listing the reports routed there since the last one.</summary>
    Hourly,
}
