using CivicConnect.Core.Hosting;
using CivicConnect.Workflow.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CivicConnect.Workflow.DepartmentAlerts;

public static class NewReportRegistration
{
    public static IHostApplicationBuilder AddNewReportAlerts(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<NewReportOptions>(NewReportOptions.SectionName);
        builder.Services.AddScoped<NewReportAlerts>();
        builder.Services.AddScoped<NewReportDigest>();
        builder.Services.AddScoped<IIssueTransitionListener, ReassignedReportAlerts>();
        return builder;
    }

    /// <summary>
    /// The digest's job and cron trigger in the clustered scheduler: declared by every node and
    /// stored once (same keys), fired on one node each hour.
    /// </summary>
    public static void ScheduleNewReportDigest(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        var schedule = configuration.GetSection(NewReportOptions.SectionName).Get<NewReportOptions>()?.DigestSchedule ?? new NewReportOptions().DigestSchedule;
        quartz.ScheduleJob<NewReportDigestJob>(
            trigger => trigger.WithIdentity(NewReportDigestJob.Key.Name, NewReportDigestJob.Key.Group).WithCronSchedule(schedule),
            job => job.WithIdentity(NewReportDigestJob.Key));
    }
}
