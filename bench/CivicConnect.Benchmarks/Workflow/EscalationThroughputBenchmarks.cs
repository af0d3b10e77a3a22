using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CivicConnect.Conversation;
using CivicConnect.Conversation.Adapters;
using CivicConnect.Core.Hosting;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Geo;
using CivicConnect.Intelligence;
using CivicConnect.Messaging;
using CivicConnect.Workflow;
using CivicConnect.Workflow.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetTopologySuite.Geometries;
using Quartz;
using RunStrategy = BenchmarkDotNet.Engines.RunStrategy;

namespace CivicConnect.Benchmarks.Workflow;

/// <summary>
/// How fast the clustered Quartz store works off a pile of past-due deadlines: 10,000 issues whose
/// deadline has passed, one deadline job each in the PostgreSQL job store (scheduled while every
/// scheduler stands by), then the schedulers start and the measured time runs until every one of
/// the 10,000 issues has escalated (level 1, history line, alerts in the outbox, next escalation
/// scheduled) — the real <see cref="DeadlineJob"/> path. One measured invocation of 10,000
/// operations, so <c>Op/s</c> is deadline jobs fired and handled per second.
/// </summary>
/// <remarks>
/// Nodes are schedulers of separate service providers (as separate processes would have) sharing the
/// store; threads is <c>Escalation:Threads</c>, each node's Quartz thread pool. The deadline jobs
/// are scheduled one at a time before the measured part starts (about 100 a second on a busy 2-core
/// machine), so the first ones are a minute or two past due when the schedulers start: the
/// measured part includes Quartz's misfire handling of them, as after an outage. Each case adds 10,000
/// issues with their history and alert rows to <c>civic_bench</c>; the jobs of the escalation group
/// are deleted before each case.
/// </remarks>
[Config(typeof(Config))]
public class EscalationThroughputBenchmarks
{
    public const int Deadlines = 10_000;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(20);

    private readonly List<IHost> hosts = [];
    private long firstId;
    private long lastId;

    /// <summary>"NODESxTHREADS": 1x4 (one node, the configured 4 threads), 1x16, 2x4. Each case takes minutes
    /// on a busy 2-core machine, so <c>CIVIC_ESCALATION_CASES=1x4,2x4</c> picks some.</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "1x4";

    public static IEnumerable<string> Cases =>
        Environment.GetEnvironmentVariable("CIVIC_ESCALATION_CASES")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? ["1x4", "1x16", "2x4"];

    private int Nodes => int.Parse(Case.Split('x')[0], CultureInfo.InvariantCulture);

    private int Threads => int.Parse(Case.Split('x')[1], CultureInfo.InvariantCulture);

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Nodes; i++)
        {
            hosts.Add(BuildNode(Threads));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var host in hosts)
        {
            var scheduler = Scheduler(host).GetAwaiter().GetResult();
            scheduler.Shutdown(waitForJobsToComplete: true).AsTask().GetAwaiter().GetResult();
            host.Dispose();
        }

        hosts.Clear();
    }

    [IterationSetup]
    public void SetupDeadlines() => SetupDeadlinesAsync().GetAwaiter().GetResult();

    [Benchmark(Description = "10,000 past-due deadline jobs fired and escalated", OperationsPerInvoke = Deadlines)]
    public async Task FireAll()
    {
        var watch = Stopwatch.StartNew();
        foreach (var host in hosts)
        {
            await (await Scheduler(host)).Start();
        }

        await using var scope = hosts[0].Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicDbContext>();
        var escalated = 0;
        while (escalated < Deadlines)
        {
            if (watch.Elapsed > Patience)
            {
                throw new InvalidOperationException($"only {escalated} of {Deadlines} deadlines escalated in {Patience}");
            }

            await Task.Delay(100);
            escalated = await db.Issues.CountAsync(i => i.Id >= firstId && i.Id <= lastId && i.EscalationLevel >= 1);
        }

        watch.Stop();
        foreach (var host in hosts)
        {
            await (await Scheduler(host)).Standby();
        }

        var twice = await db.Issues.CountAsync(i => i.Id >= firstId && i.Id <= lastId && i.EscalationLevel > 1);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// escalation: {Nodes} node(s) × {Threads} threads: {Deadlines} escalated in {watch.Elapsed.TotalSeconds:0.0} s = {Deadlines / watch.Elapsed.TotalSeconds:0} jobs/s; escalated twice: {twice}; load average {LoadAverage()}"));
        if (twice > 0)
        {
            throw new InvalidOperationException($"{twice} deadlines escalated more than once");
        }
    }

    private async Task SetupDeadlinesAsync()
    {
        foreach (var host in hosts)
        {
            await (await Scheduler(host)).Standby();
        }

        var first = hosts[0];
        await (await Scheduler(first)).DeleteJobs(GroupMatcher<JobKey>.GroupEquals(EscalationJobs.Group));

        await using var scope = first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicDbContext>();
        var category = await db.ServiceCategories.AsNoTracking().FirstAsync(c => c.Code == "pothole");
        var now = TimeProvider.System.GetUtcNow();
        var point = new GeometryFactory(new PrecisionModel(), 4326).CreatePoint(new Coordinate(-114.0719, 51.0447));
        var issues = Enumerable.Range(0, Deadlines).Select(n => new Issue
        {
            CategoryId = category.Id,
            DepartmentId = category.DepartmentId,
            Status = IssueStatus.Assigned,
            Description = $"bench-escalation {n}",
            Location = point,
            AddressText = "17 Ave SW & 4 St SW",
            Channel = "directline",
            Deadline = now.AddMinutes(-1),
            CreatedAt = now.AddHours(-category.SlaHours),
            UpdatedAt = now,
        }).ToList();
        db.Issues.AddRange(issues);
        await db.SaveChangesAsync();
        firstId = issues.Min(i => i.Id);
        lastId = issues.Max(i => i.Id);

        // The deadline has passed: ScheduleAsync places the deadline job to fire at once and no reminder.
        var watch = Stopwatch.StartNew();
        var scheduler = first.Services.GetRequiredService<EscalationScheduler>();
        foreach (var issue in issues)
        {
            await scheduler.ScheduleAsync(issue.ReferenceNumber, issue.Deadline!.Value, CancellationToken.None);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// escalation: {Deadlines} deadline jobs scheduled in {watch.Elapsed.TotalSeconds:0.0} s ({Deadlines / watch.Elapsed.TotalSeconds:0} a second, one at a time)"));
    }

    private static IHost BuildNode(int threads)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonFile(RepositoryPaths.AppSettings, optional: true).AddEnvironmentVariables();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Error);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Configuration["Escalation:Threads"] = threads.ToString(CultureInfo.InvariantCulture);
        builder.AddData();
        builder.AddGeo();
        builder.AddClassification();
        builder.AddConversation();
        builder.AddConversationAdapters();
        builder.AddWorkflow();
        builder.AddMessaging();
        return builder.Build();
    }

    private static async Task<IScheduler> Scheduler(IHost host) =>
        await host.Services.GetRequiredKeyedService<ISchedulerFactory>(EscalationJobs.SchedulerName).GetScheduler();

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>One invocation of 10,000 jobs, once per case, in process (no runner build; the in-process time limit raised to 30 minutes).</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
                .WithId("OneBatch")
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(0)
                .WithIterationCount(1)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithEvaluateOverhead(false));
            AddColumn(StatisticColumn.OperationsPerSecond);
        }
    }
}
