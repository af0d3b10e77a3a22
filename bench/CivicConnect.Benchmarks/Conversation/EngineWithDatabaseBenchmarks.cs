using System.Globalization;
using BenchmarkDotNet.Attributes;
using CivicConnect.Channels;
using CivicConnect.Conversation;
using CivicConnect.Conversation.Activities;
using CivicConnect.Conversation.Adapters;
using CivicConnect.Core.Hosting;
using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Geo;
using CivicConnect.Intelligence;
using CivicConnect.Messaging;
using CivicConnect.Messaging.Inbox;
using CivicConnect.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CivicConnect.Benchmarks.Conversation;

/// <summary>
/// Turns through the real message path on the real database: <see cref="IInbound.AcceptAsync"/>
/// (inbox insert, then the turn processor: conversation row locked FOR UPDATE, dialog engine
/// with the real classifier, locator, PostGIS ward and duplicate lookups, issue workflow, state
/// and outbox rows written in one transaction). The services come from the server's own
/// <c>AddData</c>, <c>AddGeo</c>, <c>AddClassification</c>, <c>AddConversation</c>, <c>AddWorkflow</c>, <c>AddMessaging</c> and <c>AddChannels</c>;
/// the host is built but not started, so the outbox dispatcher and inbox sweeper do not run
/// (replies stay in the outbox). One measured iteration is one turn (<see cref="PerCallConfig"/>);
/// the turns belong to complete five-turn reports, one new address each, every one ending with
/// a reference number. Each run adds its conversations, inbox and outbox rows and issues to
/// <c>civic_bench</c>; nothing is deleted.
/// </summary>
[Config(typeof(PerCallConfig))]
public class EngineWithDatabaseBenchmarks
{
    // A real report (see IntakeTranscriptTests). The setup makes sure an open pothole already
    // exists at that corner, so every measured report is offered it as a duplicate and declines.
    private static readonly string[] Script =
    [
        "Big pothole on Centre St N at 16 Ave, almost took out my tire",
        "yes",
        "No, it's a different problem",
        "no",
        "send",
    ];

    private static readonly string[] ExpectedReplies =
    [
        "Is the problem near Centre St N & 16 Ave N, Ward",
        "already reported as #",
        "updates about this report",
        "Send this report?",
        "Your report is #",
    ];

    private readonly TimeProvider clock = TimeProvider.System;
    private IHost? host;
    private NpgsqlDataSource? dataSource;
    private string run = string.Empty;
    private long conversation;
    private int turn;
    private long completed;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonFile(RepositoryPaths.AppSettings, optional: true).AddEnvironmentVariables();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Error); // a failed turn is logged by the turn processor
        builder.Services.AddSingleton(clock);
        builder.AddData();
        builder.AddGeo();
        builder.AddClassification();
        builder.AddConversation();
        builder.AddConversationAdapters();
        builder.AddWorkflow();
        builder.AddMessaging();
        builder.AddChannels();
        host = builder.Build(); // not started: no outbox dispatcher, no inbox sweeper
        dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();

        // Addresses unique to this run, so runs never continue each other's conversations.
        run = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        await EnsureOpenPotholeAtTheCornerAsync();
        await AssertConversationEndsWithReferenceAsync();
        conversation = 0;
        turn = 0;
        completed = 0;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        try
        {
            // Every finished conversation of this run must have been answered with a reference number.
            var answered = await CountReferenceRepliesAsync($"bench-{run}-c%");
            Console.WriteLine($"// {completed:N0} conversations finished in this run, {answered:N0} answered with a reference number");
            if (answered < completed)
            {
                throw new InvalidOperationException($"{completed - answered} conversations did not end with a reference number");
            }
        }
        finally
        {
            host?.Dispose();
            if (dataSource is not null)
            {
                await dataSource.DisposeAsync();
            }
        }
    }

    [Benchmark(Description = "IInbound.AcceptAsync, one turn of a 5-turn report")]
    public async Task<InboundAcceptance> Turn()
    {
        var address = $"bench-{run}-c{conversation}";
        var text = Script[turn];
        var result = await AcceptAsync(address, turn, text);
        if (++turn == Script.Length)
        {
            turn = 0;
            conversation++;
            completed++;
        }

        return result;
    }

    private async Task<InboundAcceptance> AcceptAsync(string address, int sequence, string text)
    {
        await using var scope = host!.Services.CreateAsyncScope(); // one scope per webhook request, as in the server
        var activity = Activity.FromText($"{address}-{sequence}", ChannelIds.DirectLine, address, text, clock.GetUtcNow());
        return await scope.ServiceProvider.GetRequiredService<IInbound>().AcceptAsync(activity, CancellationToken.None);
    }

    /// <summary>The first report at the corner, if none is open yet; later reports are offered it as a duplicate.</summary>
    private async Task EnsureOpenPotholeAtTheCornerAsync()
    {
        var address = $"bench-{run}-primer";
        var reply = await SendAndReadAsync(address, 0, Script[0]);
        for (var i = 1; i < 8 && !reply.Contains("Your report is #", StringComparison.Ordinal); i++)
        {
            // A fresh database has no duplicate to offer; one that already has the pothole does.
            var answer = reply.Contains("already reported", StringComparison.Ordinal) ? "No, it's a different problem"
                : reply.Contains("Send this report?", StringComparison.Ordinal) ? "send"
                : reply.Contains("updates about this report", StringComparison.Ordinal) ? "no"
                : "yes";
            reply = await SendAndReadAsync(address, i, answer);
        }

        if (!reply.Contains("Your report is #", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the primer report did not go through; last reply: {reply}");
        }
    }

    /// <summary>Runs the measured script once and checks every reply, so the benchmark cannot silently measure a re-prompt or an error path.</summary>
    private async Task AssertConversationEndsWithReferenceAsync()
    {
        var address = $"bench-{run}-verify"; // not "c…": the end-of-run count matches "c%"
        for (var i = 0; i < Script.Length; i++)
        {
            var reply = await SendAndReadAsync(address, i, Script[i]);
            if (!reply.Contains(ExpectedReplies[i], StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"turn {i + 1} ('{Script[i]}'): expected a reply containing '{ExpectedReplies[i]}', got: {reply}");
            }

            if (i == Script.Length - 1)
            {
                Console.WriteLine($"// check conversation ended with: {reply}");
            }
        }
    }

    private async Task<string> SendAndReadAsync(string address, int sequence, string text)
    {
        await using (var read = dataSource!.CreateCommand("SELECT coalesce(max(id), 0) FROM outbox_messages WHERE address = $1"))
        {
            read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = address });
            var before = (long)(await read.ExecuteScalarAsync())!;
            await AcceptAsync(address, sequence, text);
            await using var replies = dataSource.CreateCommand("SELECT coalesce(string_agg(payload #>> '{reply,text}', ' | ' ORDER BY id), '') FROM outbox_messages WHERE address = $1 AND id > $2");
            replies.Parameters.Add(new NpgsqlParameter<string> { TypedValue = address });
            replies.Parameters.Add(new NpgsqlParameter<long> { TypedValue = before });
            return (string)(await replies.ExecuteScalarAsync())!;
        }
    }

    private async Task<long> CountReferenceRepliesAsync(string addressPattern)
    {
        await using var command = dataSource!.CreateCommand(
            "SELECT count(*) FROM outbox_messages WHERE address LIKE $1 AND payload #>> '{reply,text}' LIKE '%Your report is #%'");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = addressPattern });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
