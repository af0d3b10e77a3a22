using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;

namespace CivicConnect.Workflow.Routing;

/// <summary>
/// The routing rules as supervisors edit them (<c>deploy/routing-rules.json</c>, then <c>/admin/routing</c>).
/// Rules are tried in order and the first that matches decides; <see cref="Default"/> applies when none does.
/// </summary>
public sealed record RoutingRuleSet
{
    public List<RoutingRule> Rules { get; init; } = [];

    public RoutingOutcome Default { get; init; } = new();

    /// <summary>Working hours per department code; a department without an entry counts SLA hours around the clock.</summary>
    public Dictionary<string, BusinessHours> BusinessHours { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed record RoutingRule
{
    public required string Name { get; init; }

    public RoutingMatch Match { get; init; } = new();

    public RoutingOutcome Then { get; init; } = new();
}

/// <summary>Every condition given must hold; a list matches when any of its entries does; an empty condition matches everything.</summary>
public sealed record RoutingMatch
{
    public List<string> Categories { get; init; } = [];

    /// <summary>Ward codes ("7"); a report outside every ward never matches a ward condition.</summary>
    public List<string> Wards { get; init; } = [];

    public List<Priority> Priorities { get; init; } = [];

    /// <summary>Words or phrases looked for in the description (accents and case folded).</summary>
    public List<string> Keywords { get; init; } = [];

    /// <summary>Local time window "HH:mm-HH:mm" in the city's zone; may wrap midnight ("21:00-07:00").</summary>
    public string? TimeOfDay { get; init; }
}

/// <summary>What a matching rule decides; anything left out keeps the category's own setting.</summary>
public sealed record RoutingOutcome
{
    public string? Department { get; init; }

    public Priority? Priority { get; init; }

    /// <summary>Hours to the deadline; fractions allowed (0.5 = 30 minutes).</summary>
    public double? SlaHours { get; init; }

    /// <summary>Who to alert when it arrives and when it escalates: e-mail addresses or https webhook URLs.</summary>
    public List<string> Alert { get; init; } = [];
}

/// <summary>When a department works: days, opening hours and holidays, in a time zone (the city's when omitted).</summary>
public sealed record BusinessHours
{
    public string? TimeZone { get; init; }

    public List<DayOfWeek> Days { get; init; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public string Open { get; init; } = "08:00";

    public string Close { get; init; } = "17:00";

    public List<DateOnly> Holidays { get; init; } = [];
}
