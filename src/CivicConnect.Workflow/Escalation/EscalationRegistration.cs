using CivicConnect.Core.Hosting;
using CivicConnect.Data;
using CivicConnect.Workflow.DepartmentAlerts;
using CivicConnect.Workflow.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CivicConnect.Workflow.Escalation;

public static class EscalationRegistration
{
    /// <summary>
    /// Quartz with the PostgreSQL job store, clustered: every node runs a scheduler and each
    /// trigger fires on one of them. The store creates its tables in the application database when
    /// they are missing, so fresh and cloned databases need no extra step. Quartz keeps real time.
    /// </summary>
    /// <remarks>
    /// The scheduler is a named one so that its clock is its own. On the default scheduler
    /// <c>UseTimeProvider</c> replaces the application's one <see cref="TimeProvider"/> registration, and
    /// Quartz then runs on whatever clock the host registers last — a test's frozen FakeTimeProvider
    /// stopped its check-ins, idle waits and firing altogether. Named, the real clock is keyed to this
    /// scheduler and the workflow keeps the injected one.
    /// </remarks>
    public static IHostApplicationBuilder AddEscalation(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<EscalationOptions>(EscalationOptions.SectionName);
        builder.Services.AddSingleton<EscalationScheduler>();
        builder.Services.AddScoped<Escalator>();
        builder.Services.AddScoped<IIssueTransitionCommittedListener, EscalationCancellation>();

        var settings = builder.Configuration.GetSection(EscalationOptions.SectionName).Get<EscalationOptions>() ?? new EscalationOptions();
        var connectionString = builder.Configuration.GetConnectionString(DataServiceCollectionExtensions.ConnectionStringName) ?? string.Empty;
        builder.AddQuartz(EscalationJobs.SchedulerName, q =>
        {
            q.UseTimeProvider(TimeProvider.System);
            q.UseDefaultThreadPool(settings.Threads);
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering(c => c.CheckinInterval = settings.ClusterCheckinInterval);
                store.ProvisionSchema();
            });
            q.ScheduleNewReportDigest(builder.Configuration);
        });
        if (settings.Enabled)
        {
            builder.AddQuartzHostedService(EscalationJobs.SchedulerName, o => o.WaitForJobsToComplete = true);
        }

        return builder;
    }
}
