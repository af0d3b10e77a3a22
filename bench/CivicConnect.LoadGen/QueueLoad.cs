using System.Diagnostics;
using System.Net;
using Npgsql;

namespace CivicConnect.LoadGen;

/// <summary>
/// Staff reading the queue, as the console's queue page does through the same service
/// (<c>ReportQueries</c>): each page load is <c>GET /api/issues/counts</c> (the counts per status above
/// the table) and <c>GET /api/issues</c> (the page of 25 rows), each timed on its own. The clients go
/// round a fixed set of the filters a queue is opened with — everything, the open reports, one
/// department's or ward's or category's open reports, past deadline, urgent, soonest deadline first,
/// deeper pages, a text search, a reference looked up — with department, ward and category codes taken
/// from the database, so every filter finds rows.
/// </summary>
internal sealed class QueueLoad(LoadOptions options)
{
    private const string Open = "status=Received,Triaged,Assigned,InProgress,Reopened";

    private List<QueueFilter> filters = [];

    /// <summary>The filters the clients use, built from the codes the database has.</summary>
    public async Task PrepareAsync()
    {
        var departments = await CodesAsync("SELECT code FROM departments ORDER BY id");
        var wards = await CodesAsync("SELECT code FROM wards ORDER BY id");
        var categories = await CodesAsync("SELECT code FROM service_categories ORDER BY id");
        var references = await CodesAsync("SELECT reference_number::text FROM issues ORDER BY id DESC LIMIT 20");
        var list = new List<QueueFilter>();
        for (var i = 0; i < 4; i++)
        {
            string Pick(List<string> codes) => Uri.EscapeDataString(codes[(i * 7) % codes.Count]);
            list.Add(new("everything", string.Empty));
            list.Add(new("open", Open));
            list.Add(new("department, open", $"department={Pick(departments)}&{Open}"));
            list.Add(new("ward", $"ward={Pick(wards)}"));
            list.Add(new("category, open", $"category={Pick(categories)}&{Open}"));
            list.Add(new("past deadline", "slaBreached=true"));
            list.Add(new("urgent, open", "priority=Urgent&" + Open));
            list.Add(new("open, soonest deadline", $"sort=deadline&order=asc&{Open}"));
            list.Add(new("page 2-5", $"page={2 + i}"));
            list.Add(new("department by update, page 2-5", $"department={Pick(departments)}&page={2 + i}&sort=updated"));
            list.Add(new("text search", "q=pothole"));
            list.Add(new("reference", $"q={Pick(references)}"));
        }

        filters = list;
    }

    public async Task<QueueResult> RunAsync(int concurrency)
    {
        using var http = StaffApiClient.Create(options, concurrency);
        var deadline = Stopwatch.StartNew();
        var remaining = options.MaxRequests;
        var lists = new List<(string Kind, double Ms)>[concurrency];
        var counts = new List<double>[concurrency];
        var failed = 0;
        var run = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var myLists = lists[worker] = [];
            var myCounts = counts[worker] = [];
            for (var n = worker; deadline.Elapsed < options.Duration && Interlocked.Add(ref remaining, -2) >= 0; n += concurrency)
            {
                var (kind, filter) = filters[n % filters.Count];
                var sep = filter.Length == 0 ? string.Empty : "&";
                var countsMs = await TimeAsync(http, "/api/issues/counts?" + filter);
                var pageMs = await TimeAsync(http, $"/api/issues?{filter}{sep}pageSize=25");
                if (countsMs is { } c)
                {
                    myCounts.Add(c);
                }

                if (pageMs is { } p)
                {
                    myLists.Add((kind, p));
                }

                if (countsMs is null || pageMs is null)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        run.Stop();
        var pages = lists.SelectMany(l => l).ToList();
        return new QueueResult(
            concurrency,
            [.. pages.Select(p => p.Ms).Order()],
            [.. counts.SelectMany(l => l).Order()],
            failed,
            run.Elapsed,
            [.. filters.Select(f => f.Kind).Distinct().Select(k => new QueueKindResult(k, [.. pages.Where(p => p.Kind == k).Select(p => p.Ms).Order()]))]);
    }

    /// <summary>The request's time in ms, or null when it failed.</summary>
    private static async Task<double?> TimeAsync(HttpClient http, string path)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            // The whole body, as a page reads it.
            await response.Content.ReadAsByteArrayAsync();
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private async Task<List<string>> CodesAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var codes = new List<string>();
        while (await reader.ReadAsync())
        {
            codes.Add(reader.GetString(0));
        }

        return codes.Count > 0 ? codes : throw new InvalidOperationException($"the queue load found nothing for: {sql}");
    }
}

/// <summary>One of the filters the queue load goes round; <paramref name="Kind"/> names what it asks, so its variants (other codes, other pages) time together.</summary>
internal sealed record QueueFilter(string Kind, string Query);

/// <param name="ListMs">Each <c>GET /api/issues</c>'s time, ms, sorted.</param>
/// <param name="CountMs">Each <c>GET /api/issues/counts</c>'s time, ms, sorted.</param>
/// <param name="Failed">Page loads with a request that failed (not 200, refused, or timed out).</param>
/// <param name="ListMsByKind">The same page times per kind of filter, in the order the load goes round them.</param>
internal sealed record QueueResult(int Concurrency, double[] ListMs, double[] CountMs, int Failed, TimeSpan Elapsed, IReadOnlyList<QueueKindResult> ListMsByKind);

/// <param name="ListMs">This kind's <c>GET /api/issues</c> times, ms, sorted.</param>
internal sealed record QueueKindResult(string Kind, double[] ListMs);
