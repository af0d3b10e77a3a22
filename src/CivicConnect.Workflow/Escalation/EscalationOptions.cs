using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Workflow.Escalation;

/// <summary>Section <c>Escalation</c>: deadline jobs in the clustered Quartz scheduler.</summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    /// <summary>Off: no scheduler runs on this node (e.g. a maintenance command).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>After an escalation, the next one follows after this share of the SLA again (1 = the whole SLA).</summary>
    [Range(0.01, 100)]
    public double RepeatFraction { get; set; } = 0.5;

    /// <summary>No escalation beyond this level.</summary>
    [Range(1, 10)]
    public int MaxLevel { get; set; } = 3;

    /// <summary>The assignee is reminded when this share of the SLA has passed.</summary>
    [Range(0.05, 0.99)]
    public double ReminderFraction { get; set; } = 0.8;

    /// <summary>Each escalation raises the priority one step (never past Urgent).</summary>
    public bool RaisePriority { get; set; } = true;

    /// <summary>How often a node checks in with the cluster; a node silent for longer has its jobs taken over.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 64)]
    public int Threads { get; set; } = 4;

    /// <summary>Where mail to department supervisors goes when a department has no contact address.</summary>
    public string? FallbackEmail { get; set; }
}
