namespace CivicConnect.Workflow.Events;

/// <summary>Section <c>Events</c>: how report events describe where they come from.</summary>
public sealed class ReportEventOptions
{
    public const string SectionName = "Events";

    /// <summary>
    /// The CloudEvents <c>source</c> (a URI reference). Unset: <c>/civicconnect/{city}</c> from
    /// <c>City:Name</c>, lower-case (e.g. <c>/civicconnect/calgary</c>).
    /// </summary>
    public string? Source { get; set; }

    /// <summary>The region whose way of writing phone numbers the description's redaction tries first (ISO 3166 code).</summary>
    [System.ComponentModel.DataAnnotations.RegularExpression("^[A-Z]{2}$")]
    public string PhoneRegion { get; set; } = "CA";
}
