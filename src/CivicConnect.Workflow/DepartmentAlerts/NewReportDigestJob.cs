using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CivicConnect.Workflow.DepartmentAlerts;

/// <summary>The hourly digest, fired on one node of the Quartz cluster.</summary>
[DisallowConcurrentExecution]
public sealed partial class NewReportDigestJob(IServiceScopeFactory scopes, ILogger<NewReportDigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("new-report-digest", "department-alerts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var departments = await scope.ServiceProvider.GetRequiredService<NewReportDigest>().SendAsync(cancellationToken);
        if (departments > 0)
        {
            scope.ServiceProvider.GetRequiredService<Messaging.Outbox.OutboxSignal>().Notify();
            LogSent(logger, departments);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "New-report digests written for {Departments} department(s)")]
    private static partial void LogSent(ILogger logger, int departments);
}
