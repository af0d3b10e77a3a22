using System.Globalization;
using CivicConnect.LoadGen;

// Bounded load on loopback only: signed Twilio webhooks at 1, 8 and 32 concurrent senders, each
// level next to pgbench single-row inserts on the same database at the same concurrency.
// `civic loadgen` prepares the database and passes the server to start (--server) and pgbench's
// path; everything else has its default in LoadOptions. See bench/README.md.
var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(LoadOptions.Usage);
    return 64;
}

if (options.Mode == "transitions" && string.IsNullOrEmpty(options.StaffToken) && options.Server is null)
{
    Console.Error.WriteLine("transitions mode needs --staff-token, or --server to ask the server for one");
    return 64;
}

if (options.Mode == "transitions" && options.ConnectionString is null)
{
    Console.Error.WriteLine("transitions mode needs ConnectionStrings__Civic (civic loadgen gives it): the queue load reads its filter codes there, --seed-reports writes there");
    return 64;
}

if (options.ConnectionString is not null && options.Server is not null)
{
    await LeftoverBacklog.SettleAsync(options.ConnectionString);
}

// Fault drills and the fuzzer (issue #16): each starts its own server(s) and judges itself.
if (Drills.For(options.Mode) is { } drill)
{
    return options.Server is null ? Drills.NeedsServer(options.Mode) : await drill(options);
}

if (options.Mode == "sends")
{
    // The outbox alone: a server per level (its outbox concurrency), rows written straight to the
    // database, every one counted at the Twilio stand-in. Turns take no part.
    if (options.ConnectionString is null || options.Server is null)
    {
        Console.Error.WriteLine("sends mode needs --server and ConnectionStrings__Civic (civic loadgen gives both)");
        return 64;
    }

    using var provider = TwilioApiStandIn.Start(options.ApiPort, options.ProviderLatency);
    var sendLevels = new List<SendResult>();
    foreach (var outboxConcurrency in options.OutboxConcurrency)
    {
        var level = await SendLoad.RunAsync(options, outboxConcurrency, provider);
        sendLevels.Add(level);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"outbox concurrency {outboxConcurrency,3}: {level.Received}/{level.Written} sent in {level.Elapsed.TotalSeconds:0.0} s ({level.PerSecond:0.0}/s), {level.Duplicates} twice, {level.OutOfOrder} out of order"));
    }

    Console.WriteLine(SendLoad.Markdown(options, sendLevels));
    return sendLevels.All(l => l.Received == l.Written && l.Duplicates == 0 && l.OutOfOrder == 0) ? 0 : 1;
}

if (options.Mode == "coldstart")
{
    // Process start to the first classified reply, training at start versus loading what was kept.
    if (options.ConnectionString is null || options.Server is null)
    {
        Console.Error.WriteLine("coldstart mode needs --server and ConnectionStrings__Civic (civic loadgen gives both)");
        return 64;
    }

    using var provider = TwilioApiStandIn.Start(options.ApiPort, options.ProviderLatency);
    var starts = await ColdStart.RunAsync(options, provider);
    Console.WriteLine(ColdStart.Markdown(starts));
    return starts.All(s => s.FirstReply is not null && s.Ready is not null) ? 0 : 1;
}

await using var scratch = options.ConnectionString is null ? null : await ScratchTable.CreateAsync(options.ConnectionString);
ServerHost? startedServer;
try
{
    // --turns paused: the server only acknowledges; PausedTurns drains the backlog after the levels.
    startedServer = options.Server is null ? null : await ServerHost.StartAsync(options.TurnsPaused ? PausedTurns.Acknowledging(options) : options);
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

var server = startedServer;
await using var serverStopper = startedServer;
if (options.Mode == "transitions")
{
    // A supervisor's development token for the staff API, from the server's own `token` command.
    var staffToken = string.IsNullOrEmpty(options.StaffToken) ? await ServerHost.TokenAsync(options, "supervisor") : options.StaffToken;
    var staff = options with { StaffToken = staffToken };
    if (options.SeedReports > 0)
    {
        var (seeded, took) = await ReportSeeder.SeedAsync(options.ConnectionString!, options.SeedReports);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seeded:N0} seeded reports in the database ({took.TotalSeconds:0.0} s)"));
    }

    var load = new TransitionLoad(staff);
    await load.CreateIssuesAsync(options.Issues);
    var queue = new QueueLoad(staff);
    await queue.PrepareAsync();
    var levels = new List<(TransitionResult Transitions, QueueResult Queue)>();
    foreach (var concurrency in options.Concurrency)
    {
        var level = await load.RunAsync(concurrency);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{concurrency,3} staff clients: {level.Succeeded} transitions, {level.Failed} failed in {level.Elapsed.TotalSeconds:0.0} s"));
        var reads = await queue.RunAsync(concurrency);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{concurrency,3} staff clients: {reads.ListMs.Length} queue pages, {reads.Failed} failed in {reads.Elapsed.TotalSeconds:0.0} s"));
        levels.Add((level, reads));
    }

    Console.WriteLine(StaffApiReport.Markdown(options, options.Issues, options.SeedReports, await ReportCount.InDatabaseAsync(options.ConnectionString), levels));
    return levels.All(l => l.Transitions.Failed == 0 && l.Queue.Failed == 0) ? 0 : 1;
}

using var twilioApi = TwilioApiStandIn.Start(options.ApiPort, options.ProviderLatency);

// Warm-up, not measured: the server builds its classifier in the background after start, and
// the first turns JIT the dialog. Every level should see the server as it is after a while.
// With turns paused it warms the acknowledgement only: its replies come with the drain.
var warmUp = await WebhookLoad.RunAsync(options with { MaxRequests = 16, Duration = TimeSpan.FromSeconds(60) }, 4);
if (!options.TurnsPaused && await WebhookLoad.RepliesAsync(warmUp, twilioApi, TimeSpan.Zero, options.ReplyPatience) is null)
{
    Console.Error.WriteLine("warm-up: the server did not reply to every message; is it running with this account's Twilio pointed at the stand-in?");
    return 1;
}

var results = new List<LevelResult>();
foreach (var concurrency in options.Concurrency)
{
    var cpuBefore = server?.CpuTime();
    var webhooks = await WebhookLoad.RunAsync(options, concurrency, () => twilioApi.Now);

    // The backlog of turns is worked off before pgbench runs, so the two never share the CPU.
    var replied = options.TurnsPaused ? null : await WebhookLoad.RepliesAsync(webhooks, twilioApi, webhooks.Elapsed, options.ReplyPatience);
    var resident = server?.ResidentMiB();
    var cpuMsPerMessage = server?.CpuTime() - cpuBefore is { } cpu && webhooks.Accepted > 0 ? cpu.TotalMilliseconds / webhooks.Accepted : (double?)null;
    var replyMs = WebhookLoad.ReplyLatencies(webhooks, twilioApi);
    var pgbench = options.PgBench is null ? null : await PgBench.RunAsync(options, concurrency);
    results.Add(new LevelResult(concurrency, webhooks, replied, pgbench, replyMs, resident) { ServerCpuMsPerMessage = cpuMsPerMessage });
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{concurrency,3} senders: {webhooks.Accepted} accepted, {webhooks.Failed} failed in {webhooks.Elapsed.TotalSeconds:0.0} s; all replied after {replied?.TotalSeconds:0.0} s; pgbench {pgbench?.Tps:0} TPS"));
}

if (options.TurnsPaused)
{
    // Nothing may be lost while paused: a server with turns on must answer every accepted message.
    if (server is not null)
    {
        await server.DisposeAsync();
    }

    var backlog = warmUp.AcceptedSenders.Concat(results.SelectMany(r => r.Webhooks.AcceptedSenders)).ToList();
    var drained = server is null ? null : await PausedTurns.DrainAsync(options, backlog, twilioApi);
    Console.WriteLine(Report.Markdown(options, results, twilioApi.Received, drained));
    return results.All(r => r.Webhooks.Failed == 0) && drained is not null ? 0 : 1;
}

Console.WriteLine(Report.Markdown(options, results, twilioApi.Received));
return results.All(r => r.Webhooks.Failed == 0 && r.AllRepliedAfter is not null) ? 0 : 1;
