using Quartz;

namespace CivicConnect.Workflow.Escalation;

/// <summary>Job and trigger names: one deadline job and one reminder job per issue, keyed by its reference number.</summary>
public static class EscalationJobs
{
    public const string Group = "escalation";
    public const string ReferenceKey = "reference";

    public static JobKey Deadline(int reference) => new($"deadline-{reference}", Group);

    public static JobKey Reminder(int reference) => new($"reminder-{reference}", Group);
}
