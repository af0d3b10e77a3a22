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

    private List<string> filters = [];

    /// <summary>The filters the clients use, built from the codes the database has.</summary>
    public async Task PrepareAsync()
    {
        var departments = await CodesAsync("SELECT code FROM departments ORDER BY id");
        var wards = await CodesAsync("SELECT code FROM wards ORDER BY id");
        var categories = await CodesAsync("SELECT code FROM service_categories ORDER BY id");
        var references = await CodesAsync("SELECT reference_number::text FROM issues ORDER BY id DESC LIMIT 20");
        var list = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            string Pick(List<string> codes) => Uri.EscapeDataString(codes[(i * 7) % codes.Count]);
            list.Add(string.Empty);
            list.Add(Open);
            list.Add($"department={Pick(departments)}&{Open}");
            list.Add($"ward={Pick(wards)}");
            list.Add($"category={Pick(categories)}&{Open}");
            list.Add("slaBreached=true");
            list.Add("priority=Urgent&" + Open);
            list.Add($"sort=deadline&order=asc&{Open}");
            list.Add($"page={2 + i}");
            list.Add($"department={Pick(departments)}&page={2 + i}&sort=updated");
            list.Add("q=pothole");
            list.Add($"q={Pick(references)}");
        }

        filters = list;
    }

    public async Task<QueueResult> RunAsync(int concurrency)
    {
        using var http = StaffApiClient.Create(options, concurrency);
        var deadline = Stopwatch.StartNew();
        var remaining = options.MaxRequests;
        var lists = new List<double>[concurrency];
        var counts = new List<double>[concurrency];
        var failed = 0;
        var run = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var myLists = lists[worker] = [];
            var myCounts = counts[worker] = [];
            for (var n = worker; deadline.Elapsed < options.Duration && Interlocked.Add(ref remaining, -2) >= 0; n += concurrency)
            {
                var filter = filters[n % filters.Count];
                var sep = filter.Length == 0 ? string.Empty : "&";
                var countsAnswered = await TimeAsync(http, "/api/issues/counts?" + filter, myCounts);
                var pageAnswered = await TimeAsync(http, $"/api/issues?{filter}{sep}pageSize=25", myLists);
                if (!countsAnswered || !pageAnswered)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        run.Stop();
        return new QueueResult(
            concurrency,
            [.. lists.SelectMany(l => l).Order()],
            [.. counts.SelectMany(l => l).Order()],
            failed,
            run.Elapsed);
    }

    private static async Task<bool> TimeAsync(HttpClient http, string path, List<double> latencies)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            // The whole body, as a page reads it.
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
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

/// <param name="ListMs">Each <c>GET /api/issues</c>'s time, ms, sorted.</param>
/// <param name="CountMs">Each <c>GET /api/issues/counts</c>'s time, ms, sorted.</param>
/// <param name="Failed">Page loads with a request that failed (not 200, refused, or timed out).</param>
internal sealed record QueueResult(int Concurrency, double[] ListMs, double[] CountMs, int Failed, TimeSpan Elapsed);
