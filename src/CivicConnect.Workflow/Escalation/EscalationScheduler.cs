using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace CivicConnect.Workflow.Escalation;

/// <summary>
/// Puts an issue's deadline and reminder into the clustered Quartz store. Quartz runs on the real
/// clock while the workflow reads the injected one, so jobs are placed by the time left
/// (deadline − now on the workflow's clock), which is the same thing in production and lets tests
/// with a fixed clock use a short SLA.
/// </summary>
public sealed class EscalationScheduler([FromKeyedServices(EscalationJobs.SchedulerName)] ISchedulerFactory schedulers, IOptions<EscalationOptions> options, TimeProvider clock)
{
    private static readonly TimeProvider Real = TimeProvider.System;

    public async Task ScheduleAsync(int reference, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var left = deadline - clock.GetUtcNow();
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var replace = new ScheduleJobOptions { Replace = true };
        await scheduler.ScheduleJob(Job<DeadlineJob>(EscalationJobs.Deadline(reference), reference), Trigger(EscalationJobs.Deadline(reference), left), replace, cancellationToken);
        if (left > TimeSpan.Zero)
        {
            var reminder = EscalationJobs.Reminder(reference);
            await scheduler.ScheduleJob(Job<ReminderJob>(reminder, reference), Trigger(reminder, left * options.Value.ReminderFraction), replace, cancellationToken);
        }
    }

    /// <summary>The next escalation, a share of the SLA after this one.</summary>
    public async Task ScheduleNextAsync(int reference, TimeSpan after, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.ScheduleJob(Job<DeadlineJob>(EscalationJobs.Deadline(reference), reference), Trigger(EscalationJobs.Deadline(reference), after), new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    /// <summary>
    /// Removes the report's deadline and reminder. Quartz deletes under its cluster-wide trigger lock, which every
    /// node's scheduler thread and every transition to a finished state also take; most of those transitions find
    /// nothing left (a Close after the Resolve that removed them, a Resolve after a reopen), so the deadline job is
    /// looked for first, without the lock. No deadline job means no reminder either: the reminder fires before
    /// the deadline (a share of the time left) and both are removed together. A job left behind by a race is
    /// harmless: it checks the report's state when it fires and does nothing.
    /// </summary>
    public async Task CancelAsync(int reference, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (await scheduler.Exists(EscalationJobs.Deadline(reference), cancellationToken))
        {
            await scheduler.DeleteJobs([EscalationJobs.Deadline(reference), EscalationJobs.Reminder(reference)], cancellationToken);
        }
    }

    private static IJobDetail Job<T>(JobKey key, int reference)
        where T : IJob =>
        JobBuilder.Create<T>().WithIdentity(key).UsingJobData(EscalationJobs.ReferenceKey, reference).RequestRecovery(true).Build();

    private static ITrigger Trigger(JobKey job, TimeSpan after) =>
        TriggerBuilder.Create(Real)
            .WithIdentity(job.Name, job.Group)
            .ForJob(job)
            .StartAt(Real.GetUtcNow() + (after > TimeSpan.Zero ? after : TimeSpan.Zero))
            .Build();
}
