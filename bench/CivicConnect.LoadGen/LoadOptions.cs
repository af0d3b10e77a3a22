using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace CivicConnect.LoadGen;

/// <summary>
/// Every setting has its default here: the ports, the city's number, and a Twilio account made up
/// for the run (the server is started with it when <see cref="Server"/> is given), so the script
/// only says which server to start and where pgbench is.
/// </summary>
internal sealed record LoadOptions(
    Uri Url,
    string AccountSid,
    string AuthToken,
    string CityNumber,
    int ApiPort,
    IReadOnlyList<int> Concurrency,
    TimeSpan Duration,
    int MaxRequests,
    string? PgBench,
    string PgConnectionArgs)
{
    /// <summary><c>webhooks</c> (signed Twilio webhooks, the default), <c>transitions</c> (staff API transitions) or <c>sends</c> (the outbox alone).</summary>
    public string Mode { get; init; } = "webhooks";

    /// <summary>Fuzz mode: hostile requests to send (at most 50,000).</summary>
    public int FuzzRequests { get; init; } = 10_000;

    /// <summary>A supervisor's bearer token for the staff API (<c>civic token --role supervisor</c>); transitions mode.</summary>
    public string? StaffToken { get; init; }

    /// <summary>Open311 issues created for transitions mode (at most 2,000).</summary>
    public int Issues { get; init; } = 256;

    public string Open311Key { get; init; } = "dev-open311-key";

    /// <summary>
    /// Webhooks mode, <c>--turns paused</c>: the server acknowledges webhooks with its turn workers off, so each level
    /// measures the acknowledgement alone (issue 15: accepted ÷ pgbench with turns paused); a second server then works
    /// the backlog off and every message must still be answered once.
    /// </summary>
    public bool TurnsPaused { get; init; }

    /// <summary>Transitions mode: past reports written straight into the database before the load (<see cref="ReportSeeder"/>; at most 200,000; 0 leaves the table as it is).</summary>
    public int SeedReports { get; init; }

    /// <summary>How long the Twilio API stand-in takes to answer each message (a real provider: a few hundred milliseconds).</summary>
    public TimeSpan ProviderLatency { get; init; }

    /// <summary>Sends mode: the server's <c>Messaging:OutboxConcurrency</c> for each level (a server is started per level).</summary>
    public IReadOnlyList<int> OutboxConcurrency { get; init; } = [1, 64];

    /// <summary>Sends mode: messages per recipient (written in order; the outbox must deliver them in that order).</summary>
    public int MessagesPerRecipient { get; init; } = 2;

    /// <summary>Extra environment for the started server (sends mode sets the outbox's concurrency per level).</summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Drills: new messages per second from all senders together (<c>--drill-rate</c>, default 5). Unpaced senders
    /// filled the inbox faster than two shared cores work turns off, so the reply judge measured the backlog,
    /// not delivery; a drill judges exactly-once at a load the node can answer.
    /// </summary>
    public double DrillRate { get; init; } = 5;

    /// <summary>Soak mode: how long the paced load runs while memory is sampled (<c>--soak-seconds</c>, 30 to 900; default 5 minutes).</summary>
    public TimeSpan SoakDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a level may take to reply to everything it sent before it counts as failed.</summary>
    public TimeSpan ReplyPatience { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The server's entry assembly: when given, the load generator starts it on <see cref="Url"/> and stops it at the end.</summary>
    public string? Server { get; init; }

    /// <summary>Where the started server's output goes.</summary>
    public string ServerLog { get; init; } = DefaultServerLog();

    /// <summary><c>ConnectionStrings__Civic</c> from the environment (the script exports it): the server's database, the scratch table's and pgbench's.</summary>
    public string? ConnectionString { get; init; }

    public const string DefaultUrl = "http://127.0.0.1:5097";
    public const int DefaultApiPort = 5098;
    public const string DefaultCityNumber = "+15875550100";

    public const string Usage = """
        usage: CivicConnect.LoadGen [--server CivicConnect.Server.dll [--server-log FILE]] [--url http://127.0.0.1:5097]
                                    [--account-sid AC… --auth-token TOKEN] [--city-number +15875550100] [--api-port 5098]
                                    [--concurrency 1,8,32] [--seconds 10] [--max-requests 3000]
                                    [--pgbench PATH [--pg "-h 127.0.0.1 -p 5432 -U civic DBNAME"]]
                                    [--mode webhooks|transitions [--staff-token JWT] --issues 256 --open311-key KEY [--seed-reports 100000]]
                                    [--turns running|paused] [--provider-latency-ms 0] [--mode sends --outbox-concurrency 1,64] [--mode coldstart]
                                    [--mode drill-kill|drill-pg-restart|drill-flaky-provider|fuzz|drills [--drill-rate 5] [--fuzz-requests 10000]]
                                    [--mode soak [--drill-rate 5] [--soak-seconds 300]]
        Only loopback URLs are accepted. Without --account-sid/--auth-token an account is made up for the run
        (use both when --url points at a server you started yourself); --pg defaults to the database of
        ConnectionStrings__Civic; with --server a supervisor's token is asked of the server itself.
        """;

    public static LoadOptions? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        var url = values.GetValueOrDefault("url") ?? DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback
            || values.ContainsKey("account-sid") != values.ContainsKey("auth-token")
            || values.GetValueOrDefault("turns") is not (null or "running" or "paused"))
        {
            return null;
        }

        // A made-up account (the signature key of the webhooks) unless one was given.
        var sid = values.GetValueOrDefault("account-sid") ?? "AC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var token = values.GetValueOrDefault("auth-token") ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var city = values.GetValueOrDefault("city-number") ?? DefaultCityNumber;
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Civic") is { Length: > 0 } configured ? configured : null;

        int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var concurrency = values.TryGetValue("concurrency", out var levels)
            ? levels.Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToList()
            : [1, 8, 32];

        // Bounded by design: at most 60 s and 20,000 requests a level.
        return new LoadOptions(
            uri, sid, token, city,
            Int("api-port", DefaultApiPort),
            concurrency,
            TimeSpan.FromSeconds(Math.Clamp(Int("seconds", 10), 1, 60)),
            Math.Clamp(Int("max-requests", 3_000), 1, 20_000),
            values.GetValueOrDefault("pgbench"),
            values.GetValueOrDefault("pg") ?? PgBenchConnection(connectionString))
        {
            Server = values.GetValueOrDefault("server"),
            ServerLog = values.GetValueOrDefault("server-log") ?? DefaultServerLog(),
            ConnectionString = connectionString,
            Mode = values.GetValueOrDefault("mode") ?? "webhooks",
            TurnsPaused = values.GetValueOrDefault("turns") == "paused",
            StaffToken = values.GetValueOrDefault("staff-token"),
            Issues = Math.Clamp(Int("issues", 256), 1, 2_000),
            Open311Key = values.GetValueOrDefault("open311-key") ?? "dev-open311-key",
            SeedReports = Math.Clamp(Int("seed-reports", 0), 0, 200_000),
            ProviderLatency = TimeSpan.FromMilliseconds(Math.Clamp(Int("provider-latency-ms", 0), 0, 5_000)),
            FuzzRequests = Math.Clamp(Int("fuzz-requests", 10_000), 1, 50_000),
            DrillRate = Math.Clamp(Int("drill-rate", 5), 1, 500),
            SoakDuration = TimeSpan.FromSeconds(Math.Clamp(Int("soak-seconds", 300), 30, 900)),
            OutboxConcurrency = values.TryGetValue("outbox-concurrency", out var outbox)
                ? outbox.Split(',').Select(l => Math.Clamp(int.Parse(l, CultureInfo.InvariantCulture), 1, 1_024)).ToList()
                : [1, 64],
        };
    }

    /// <summary>pgbench's connection arguments for the same database as the server's.</summary>
    private static string PgBenchConnection(string? connectionString)
    {
        if (connectionString is null)
        {
            return string.Empty;
        }

        var parts = new NpgsqlConnectionStringBuilder(connectionString);
        return string.Create(CultureInfo.InvariantCulture, $"-h {parts.Host} -p {parts.Port} -U {parts.Username} {parts.Database}");
    }

    private static string DefaultServerLog() =>
        Path.Combine(Environment.GetEnvironmentVariable("CIVIC_ROOT") ?? Directory.GetCurrentDirectory(), ".data", "loadgen-server.log");
}

/// <param name="AllRepliedAfter">From the level's first webhook until every accepted message had its reply; null if some never did.</param>
/// <param name="ReplyMs">Each message's time from webhook to reply, ms, sorted.</param>
/// <param name="ResidentMiB">The server's resident memory when the level's replies were all out.</param>
internal sealed record LevelResult(int Concurrency, WebhookResult Webhooks, TimeSpan? AllRepliedAfter, PgBenchResult? PgBench, double[] ReplyMs, double? ResidentMiB)
{
    /// <summary>
    /// The server's CPU (all threads) from the level's first webhook until its replies were all out (turns paused: until
    /// the last acknowledgement), per accepted message: acknowledgement, turn and sends together.
    /// </summary>
    public double? ServerCpuMsPerMessage { get; init; }

    /// <summary>Turns completed per second end to end (webhook in, reply out), over the whole level.</summary>
    public double? RepliedPerSecond => AllRepliedAfter is { } t ? Webhooks.Accepted / t.TotalSeconds : null;
}
