using System.Globalization;

namespace CivicConnect.LoadGen;

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
    /// <summary><c>webhooks</c> (signed Twilio webhooks, the default) or <c>transitions</c> (staff API transitions).</summary>
    public string Mode { get; init; } = "webhooks";

    /// <summary>A supervisor's bearer token for the staff API (<c>civic token --role supervisor</c>); transitions mode.</summary>
    public string? StaffToken { get; init; }

    /// <summary>Open311 issues created for transitions mode (at most 2,000).</summary>
    public int Issues { get; init; } = 256;

    public string Open311Key { get; init; } = "dev-open311-key";

    /// <summary>How long a level may take to reply to everything it sent before it counts as failed.</summary>
    public TimeSpan ReplyPatience { get; init; } = TimeSpan.FromMinutes(3);

    public const string Usage = """
        usage: CivicConnect.LoadGen --url http://127.0.0.1:PORT --account-sid AC… --auth-token TOKEN --city-number +1…
                                    [--api-port 5098] [--concurrency 1,8,32] [--seconds 10] [--max-requests 3000]
                                    [--pgbench PATH --pg "-h 127.0.0.1 -p 5432 -U civic DBNAME"]
                                    [--mode webhooks|transitions --staff-token JWT --issues 256 --open311-key KEY]
        Only loopback URLs are accepted.
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

        if (!values.TryGetValue("url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback
            || !values.TryGetValue("account-sid", out var sid) || !values.TryGetValue("auth-token", out var token) || !values.TryGetValue("city-number", out var city))
        {
            return null;
        }

        int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var concurrency = values.TryGetValue("concurrency", out var levels)
            ? levels.Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToList()
            : [1, 8, 32];

        // Bounded by design: at most 60 s and 20,000 requests a level.
        return new LoadOptions(
            uri, sid, token, city,
            Int("api-port", 5098),
            concurrency,
            TimeSpan.FromSeconds(Math.Clamp(Int("seconds", 10), 1, 60)),
            Math.Clamp(Int("max-requests", 3_000), 1, 20_000),
            values.GetValueOrDefault("pgbench"),
            values.GetValueOrDefault("pg") ?? string.Empty)
        {
            Mode = values.GetValueOrDefault("mode") ?? "webhooks",
            StaffToken = values.GetValueOrDefault("staff-token"),
            Issues = Math.Clamp(Int("issues", 256), 1, 2_000),
            Open311Key = values.GetValueOrDefault("open311-key") ?? "dev-open311-key",
        };
    }
}

/// <param name="AllRepliedAfter">From the level's first webhook until every accepted message had its reply; null if some never did.</param>
internal sealed record LevelResult(int Concurrency, WebhookResult Webhooks, TimeSpan? AllRepliedAfter, PgBenchResult? PgBench)
{
    /// <summary>Turns completed per second end to end (webhook in, reply out), over the whole level.</summary>
    public double? RepliedPerSecond => AllRepliedAfter is { } t ? Webhooks.Accepted / t.TotalSeconds : null;
}
