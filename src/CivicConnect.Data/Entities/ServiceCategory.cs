using CivicConnect.Core.Issues;
using CivicConnect.Core.Text;

namespace CivicConnect.Data.Entities;

public sealed class ServiceCategory
{
    public int Id { get; set; }

    /// <summary>Stable code, also the Open311 <c>service_code</c>.</summary>
    public required string Code { get; set; }

    public required LocalizedText Name { get; set; }

    public required LocalizedText Description { get; set; }

    public int DepartmentId { get; set; }

    public Department? Department { get; set; }

    public Priority DefaultPriority { get; set; } = Priority.Normal;

    public int SlaHours { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>Open311 <c>group</c>.</summary>
    public LocalizedText Group { get; set; } = [];

    /// <summary>Words citizens use for this problem, per locale; feed keyword matching and Open311 <c>keywords</c>.</summary>
    public Dictionary<string, string[]> Keywords { get; set; } = [];

    /// <summary>Phrases that make a report of this category urgent, per locale.</summary>
    public Dictionary<string, string[]> UrgentKeywords { get; set; } = [];

    /// <summary>Open311 <c>metadata</c>: true when the category has follow-up attributes.</summary>
    public bool HasAttributes { get; set; }

    public int SortOrder { get; set; }
}
