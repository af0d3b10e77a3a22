using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CivicConnect.LoadGen;

/// <param name="LatencyMs">Each successful transition's time, ms, sorted.</param>
internal sealed record TransitionResult(int Concurrency, int Failed, TimeSpan Elapsed, double[] LatencyMs)
{
    public int Succeeded => LatencyMs.Length;

    public double PerSecond => Succeeded / Elapsed.TotalSeconds;
}

/// <summary>
/// Issue transitions through the staff API (<c>POST /api/issues/{id}/transitions</c>, supervisor
/// bearer token) on a pool of issues created through Open311, so each has its deadline and
/// reminder jobs in the Quartz store. Each worker owns its own issues (no two workers race for one,
/// so a 409 is a failure) and walks each through Triage → Assign → Start → Resolve → Reopen →
/// Start → Resolve → Reopen …: every request is a real transition with its history line, the
/// citizen-notification listener and, on Resolve, the after-commit removal of the Quartz jobs.
/// </summary>
internal sealed class TransitionLoad(LoadOptions options)
{
    private static readonly object[] Steps =
    [
        new { trigger = "Triage", comment = "load" },
        new { trigger = "Assign", assignee = "crew-load" },
        new { trigger = "Start" },
        new { trigger = "Resolve", resolutionNote = "Filled (load test)" },
        new { trigger = "Reopen", comment = "load" },
    ];

    /// <summary>After Reopen the walk goes back to Start.</summary>
    private const int LoopFrom = 2;

    private readonly List<(long Id, int Step)> issues = [];

    public async Task CreateIssuesAsync(int count)
    {
        using var http = StaffApiClient.Create(options, 4);
        for (var i = 0; i < count; i++)
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["api_key"] = options.Open311Key,
                ["service_code"] = "pothole",
                ["lat"] = "51.0379",
                ["long"] = "-114.0720",
                ["description"] = string.Create(CultureInfo.InvariantCulture, $"loadgen transitions pothole {i}"),
                ["attribute[in_lane]"] = "yes",
                ["attribute[size]"] = "large",
            });
            using var created = await http.PostAsync("/open311/v2/requests.json", form);
            created.EnsureSuccessStatusCode();
            var reference = (await created.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("service_request_id").GetString();
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/issues?q={reference}&pageSize=1");
            issues.Add((page.GetProperty("items")[0].GetProperty("id").GetInt64(), 0));
        }
    }

    public async Task<TransitionResult> RunAsync(int concurrency)
    {
        using var http = StaffApiClient.Create(options, concurrency);
        var deadline = Stopwatch.StartNew();
        var remaining = options.MaxRequests;
        var latencies = new List<double>[concurrency];
        var failed = 0;
        var run = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            var owned = Enumerable.Range(0, issues.Count).Where(i => i % concurrency == worker).ToList();
            for (var n = 0; owned.Count > 0 && deadline.Elapsed < options.Duration && Interlocked.Decrement(ref remaining) >= 0; n++)
            {
                var index = owned[n % owned.Count];
                var (id, step) = issues[index];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsJsonAsync($"/api/issues/{id}/transitions", Steps[step]);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        issues[index] = (id, step + 1 < Steps.Length ? step + 1 : LoopFrom);
                        continue;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Refused, reset or slower than the client's timeout: counted as failed below.
                }

                // Its state is unknown now: this worker leaves that issue alone.
                Interlocked.Increment(ref failed);
                owned.Remove(index);
            }
        }));
        run.Stop();

        return new TransitionResult(concurrency, failed, run.Elapsed, [.. latencies.SelectMany(l => l).Order()]);
    }
}
