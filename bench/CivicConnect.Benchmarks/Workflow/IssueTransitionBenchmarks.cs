using BenchmarkDotNet.Attributes;
using CivicConnect.Conversation;
using CivicConnect.Conversation.Adapters;
using CivicConnect.Core.Hosting;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Geo;
using CivicConnect.Intelligence;
using CivicConnect.Messaging;
using CivicConnect.Workflow;
using CivicConnect.Workflow.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetTopologySuite.Geometries;

namespace CivicConnect.Benchmarks.Workflow;

/// <summary>
/// One issue transition on the real database, as the staff API makes it: a DI scope, then
/// <see cref="IssueTransitions.FireAsync"/> — load the issue, check the actor, fire the Stateless
/// trigger, write the history line and the citizen's notification (an outbox row, its reporter
/// subscribes), save with the xmin check, commit. The issue goes Resolve → Reopen → Resolve …,
/// so every call is a real transition. Services come from the server's own AddData/AddConversation/
/// AddWorkflow/AddMessaging; the host is not started (notifications stay in the outbox). Each run
/// adds one issue, its history and outbox rows to <c>civic_bench</c>.
/// </summary>
[Config(typeof(PerCallConfig))]
public class IssueTransitionBenchmarks
{
    private static readonly TransitionData Resolution = new() { ResolutionNote = "Filled with cold mix." };
    private static readonly IssueActor Supervisor = new("bench", ActorKind.Supervisor);

    private IHost? host;
    private long issueId;
    private bool resolved;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonFile(RepositoryPaths.AppSettings, optional: true).AddEnvironmentVariables();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Error);
        builder.Services.AddSingleton(TimeProvider.System);

        // Quiet hours off, so the measured path is the same whatever the time of day.
        builder.Configuration["Notifications:QuietHoursStart"] = "00:00";
        builder.Configuration["Notifications:QuietHoursEnd"] = "00:00";
        builder.AddData();
        builder.AddGeo();
        builder.AddClassification();
        builder.AddConversation();
        builder.AddConversationAdapters();
        builder.AddWorkflow();
        builder.AddMessaging();
        host = builder.Build();

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        var conversation = new ConversationRecord { Id = Guid.NewGuid(), Channel = "directline", Address = $"bench-transitions-{now.ToUnixTimeMilliseconds()}", CreatedAt = now, LastActivityAt = now };
        var category = await db.ServiceCategories.FirstAsync(c => c.Code == "pothole");
        var issue = new Issue
        {
            CategoryId = category.Id,
            DepartmentId = category.DepartmentId,
            Status = IssueStatus.InProgress,
            Description = "benchmark pothole",
            Location = new GeometryFactory(new PrecisionModel(), 4326).CreatePoint(new Coordinate(-114.0719, 51.0447)),
            Channel = "directline",
            ReporterConversationId = conversation.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        issue.Subscribers.Add(new IssueSubscriber { ConversationId = conversation.Id, Kind = SubscriberKind.Reporter, CreatedAt = now });
        db.Conversations.Add(conversation);
        db.Issues.Add(issue);
        await db.SaveChangesAsync();
        issueId = issue.Id;
        resolved = false;

        // The measured path must really transition and notify: check it once.
        await Transition();
        var outbox = await db.OutboxMessages.CountAsync(m => m.ConversationId == conversation.Id);
        if (outbox != 1 || (await db.Issues.AsNoTracking().SingleAsync(i => i.Id == issueId)).Status != IssueStatus.Resolved)
        {
            throw new InvalidOperationException("the first transition did not resolve the issue and notify its reporter");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => host?.Dispose();

    [Benchmark(Description = "IssueTransitions.FireAsync (Resolve / Reopen), one transaction")]
    public async Task<TransitionResult> Transition()
    {
        await using var scope = host!.Services.CreateAsyncScope();
        var transitions = scope.ServiceProvider.GetRequiredService<IssueTransitions>();
        var result = resolved
            ? await transitions.FireAsync(issueId, IssueTrigger.Reopen, TransitionData.None, Supervisor, CancellationToken.None)
            : await transitions.FireAsync(issueId, IssueTrigger.Resolve, Resolution, Supervisor, CancellationToken.None);
        resolved = !resolved;
        return result;
    }
}
