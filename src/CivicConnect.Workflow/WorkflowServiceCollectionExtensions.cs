using CivicConnect.Conversation.Ports;
using CivicConnect.Core.Hosting;
using CivicConnect.Workflow.Intake;
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
        return builder;
    }
}
