using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Server.Features.Privacy;

/// <summary>How long raw personal data is kept (section <c>Retention</c>). Reports themselves are public records and stay.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Raw messages in and out (inbox, outbox), web-chat transcripts and hand-off lines (default 90 days).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan RawMessages { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Photos a citizen sent for a draft that was never filed (default 1 day; drafts expire after 24 idle hours).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan AbandonedDraftPhotos { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Whether this node sweeps at all (default true; the test host runs the sweep by hand).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a node sweeps (default hourly). Every node may sweep; each step is idempotent.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
