using CivicConnect.Conversation.Ports;
using CivicConnect.Core.Hosting;
using CivicConnect.Workflow.DepartmentAlerts;
using CivicConnect.Workflow.Escalation;
using CivicConnect.Workflow.Events;
using CivicConnect.Workflow.Feedback;
using CivicConnect.Workflow.HandOffs;
using CivicConnect.Workflow.Intake;
using CivicConnect.Workflow.Lifecycle;
using CivicConnect.Workflow.Notifications;
using CivicConnect.Workflow.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddWorkflow(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IIssueIntake, IssueIntake>();
        builder.Services.AddScoped<IIssueStatusQuery, IssueStatusQuery>();
        builder.AddValidatedOptions<RoutingOptions>(RoutingOptions.SectionName);
        builder.Services.AddScoped<RoutingRuleStore>();
        builder.Services.AddScoped<IssueRouter>();
        builder.Services.AddScoped<RoutingRuleValidator>();
        builder.Services.AddScoped<RoutingSimulator>();
        builder.Services.AddScoped<RoutingDrafts>();
        builder.AddEscalation();
        builder.AddNewReportAlerts();
        builder.AddReportEvents();
        builder.Services.AddScoped<IssueTransitions>();
        builder.AddValidatedOptions<NotificationOptions>(NotificationOptions.SectionName);
        builder.Services.AddSingleton<QuietHours>();
        builder.Services.AddScoped<CitizenNotifier>();
        builder.Services.AddScoped<IssueComments>();
        builder.Services.AddScoped<IIssueTransitionListener, TransitionNotifications>();
        builder.Services.AddScoped<LiveIssueChanges>();
        builder.Services.AddScoped<IIssueTransitionListener>(services => services.GetRequiredService<LiveIssueChanges>());
        builder.Services.AddScoped<IIssueFeedback, IssueFeedback>();
        builder.AddValidatedOptions<HandOffOptions>(HandOffOptions.SectionName);
        builder.Services.AddSingleton<IHandOffHours, HandOffHours>();
        return builder;
    }
}
