using CivicConnect.Core.Hosting;
using CivicConnect.Workflow.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Workflow.Events;

public static class ReportEventsRegistration
{
    /// <summary>
    /// Report events out (CloudEvents through the outbox's <c>webhook</c> channel) and the
    /// subscriber list supervisors manage. Cheap when nobody subscribes: one indexed query per change.
    /// </summary>
    public static IHostApplicationBuilder AddReportEvents(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ReportEventOptions>(ReportEventOptions.SectionName);
        builder.Services.AddScoped<ReportEvents>();
        builder.Services.AddScoped<EventSubscribers>();
        builder.Services.AddScoped<IIssueTransitionListener, TransitionEvents>();
        return builder;
    }
}
