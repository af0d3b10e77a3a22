using Quartz;

namespace CivicConnect.Workflow.Escalation;

/// <summary>Job and trigger names: one deadline job and one reminder job per issue, keyed by its reference number.</summary>
public static class EscalationJobs
{
    /// <summary>The scheduler's name: its service key and the <c>sched_name</c> of its rows in the job store.</summary>
    public const string SchedulerName = "civic-escalation";

    public const string Group = "escalation";
    public const string ReferenceKey = "reference";

    public static JobKey Deadline(int reference) => new($"deadline-{reference}", Group);

    public static JobKey Reminder(int reference) => new($"reminder-{reference}", Group);
}
