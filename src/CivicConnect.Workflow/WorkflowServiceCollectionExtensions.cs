using CivicConnect.Conversation.Ports;
using CivicConnect.Workflow.Intake;
using CivicConnect.Workflow.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicConnect.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddWorkflow(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IIssueIntake, IssueIntake>();
        builder.Services.AddScoped<IIssueStatusQuery, IssueStatusQuery>();
        builder.Services.AddScoped<IssueTransitions>();
        return builder;
    }
}
