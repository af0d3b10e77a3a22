using CivicConnect.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CivicConnect.Workflow.Escalation;

/// <summary>Fires at an issue's deadline (on one node of the cluster): escalates and schedules the next escalation.</summary>
public sealed class DeadlineJob(IServiceScopeFactory scopes, EscalationScheduler scheduler, ILogger<DeadlineJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var reference = context.MergedJobDataMap.GetInt(EscalationJobs.ReferenceKey);
        using var span = CivicTelemetry.Start("escalation");
        span?.SetTag("civic.reference", reference);
        await using var scope = scopes.CreateAsyncScope();
        var next = await scope.ServiceProvider.GetRequiredService<Escalator>().EscalateAsync(reference, cancellationToken);
        CivicTelemetry.Escalations.Add(1);
        if (next is { } after)
        {
            await scheduler.ScheduleNextAsync(reference, after, cancellationToken);
        }

        logger.LogInformation("Deadline of issue {Reference} handled; next escalation {Next}", reference, next);
    }
}

/// <summary>Fires at the reminder share of the SLA: tells the assignee the deadline is close.</summary>
public sealed class ReminderJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Escalator>().RemindAsync(context.MergedJobDataMap.GetInt(EscalationJobs.ReferenceKey), cancellationToken);
    }
}
