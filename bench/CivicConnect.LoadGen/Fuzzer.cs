using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace CivicConnect.LoadGen;

/// <summary>
/// <c>--mode fuzz</c>: a mutation fuzzer (<see cref="FuzzCases"/>) sends --fuzz-requests (10,000)
/// malformed or hostile requests, spread evenly over Twilio, WhatsApp Cloud, Direct Line, Open311
/// and the staff API, from 8 clients. It fails on any 5xx, any request that got no answer, or any
/// unhandled-exception line in the server's log; it reports the status codes per surface and the
/// server's resident memory after the first tenth, at half and at the end (flat means the second
/// half grew it by little).
/// </summary>
internal static class Fuzzer
{
    private const int Clients = 8;
    private const int Seed = 16;

    // The development Direct Line secret (public by design; only a Development server accepts it).
    private const string DirectLineSecret = "civicconnect-development-directline-secret-do-not-use-in-production";

    public static async Task<int> RunAsync(LoadOptions options)
    {
        using var provider = TwilioApiStandIn.Start(options.ApiPort, options.ProviderLatency);
        var whatsAppSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var environment = new Dictionary<string, string>(options.ServerEnvironment, StringComparer.Ordinal)
        {
            // WhatsApp Cloud on, its Graph API pointed at the stand-in: signed hostile messages get as far as a turn.
            ["WhatsAppCloud__AppSecret"] = whatsAppSecret,
            ["WhatsAppCloud__VerifyToken"] = "fuzz-verify",
            ["WhatsAppCloud__AccessToken"] = "fuzz-access",
            ["WhatsAppCloud__PhoneNumberId"] = "fuzz-phone",
            ["WhatsAppCloud__GraphBaseUrl"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.ApiPort}"),
            // Rate limits would answer most of the run with 429 before the hostile part is read.
            ["DirectLine__ActivitiesPerMinute"] = "10000",
            ["DirectLine__UploadsPerMinute"] = "10000",
            ["DirectLine__WebChatTokensPerMinute"] = "10000",
            ["Open311__ReadsPerMinute"] = "100000",
        };
        var serverOptions = options with { ServerEnvironment = environment, ServerLog = Path.ChangeExtension(options.ServerLog, "fuzz.log") };
        await using var server = await ServerHost.StartAsync(serverOptions);
        var staffToken = await ServerHost.TokenAsync(serverOptions, "supervisor");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients, AllowAutoRedirect = false })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var conversations = await ConversationsAsync(http, 16);
        var targets = new FuzzTargets(options, whatsAppSecret, DirectLineSecret, staffToken, conversations);

        var statuses = new ConcurrentDictionary<(string Family, int Status), int>();
        var serverErrors = new ConcurrentQueue<string>();
        var unanswered = 0;
        var sent = 0;
        double? rssEarly = null, rssHalf = null;
        var rssStart = server.ResidentMiB();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            var cases = new FuzzCases(targets, new HostileValues(new Random(Seed + client)));
            int n;
            while ((n = Interlocked.Increment(ref sent)) <= options.FuzzRequests)
            {
                var family = FuzzCases.Families[n % FuzzCases.Families.Length];
                using var request = cases.Next(family);
                var what = $"{request.Method} {Truncate(request.RequestUri!.PathAndQuery)}";
                try
                {
                    using var response = await http.SendAsync(request);
                    var status = (int)response.StatusCode;
                    statuses.AddOrUpdate((family, status), 1, (_, c) => c + 1);
                    if (status >= 500)
                    {
                        serverErrors.Enqueue($"{status} {what}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref unanswered);
                    serverErrors.Enqueue($"no answer ({ex.GetType().Name}) {what}");
                }

                if (n == options.FuzzRequests / 10)
                {
                    rssEarly = server.ResidentMiB();
                }
                else if (n == options.FuzzRequests / 2)
                {
                    rssHalf = server.ResidentMiB();
                }
            }
        }));
        var elapsed = clock.Elapsed;
        var rssEnd = server.ResidentMiB();
        var lines = server.Lines;
        var unhandled = ExactlyOnce.UnhandledExceptionLines(lines);
        var errorLines = lines.Count(l => l.StartsWith("fail:", StringComparison.Ordinal));

        foreach (var error in serverErrors.Take(20))
        {
            Console.Error.WriteLine(error);
        }

        var total = statuses.Values.Sum();
        var fiveHundreds = statuses.Where(s => s.Key.Status >= 500).Sum(s => s.Value);
        var passed = fiveHundreds == 0 && unanswered == 0 && unhandled == 0 && total == options.FuzzRequests;
        var rows = new List<(string, object)>
        {
            ("requests", total),
            ("clients", Clients),
            ("took", DrillTable.Seconds(elapsed)),
            ("responses 5xx", fiveHundreds),
            ("requests without an answer", unanswered),
            ("unhandled exception lines in the log", unhandled),
            ("`fail:` lines in the log (handled errors, e.g. a reply the stand-in could not take)", errorLines),
            ("server RSS at start (MiB)", rssStart ?? double.NaN),
            ("server RSS after 10 % (MiB)", rssEarly ?? double.NaN),
            ("server RSS at 50 % (MiB)", rssHalf ?? double.NaN),
            ("server RSS at the end (MiB)", rssEnd ?? double.NaN),
        };
        foreach (var family in FuzzCases.Families)
        {
            var codes = statuses.Where(s => s.Key.Family == family).OrderBy(s => s.Key.Status).Select(s => $"{s.Key.Status}×{s.Value}");
            rows.Add(($"status codes, {family}", string.Join(" ", codes)));
        }

        Console.WriteLine(DrillTable.Markdown(
            string.Create(CultureInfo.InvariantCulture, $"Fuzzing: {options.FuzzRequests} malformed or hostile requests (seed {Seed}) over Twilio, WhatsApp Cloud, Direct Line, Open311 and the staff API; {Environment.ProcessorCount} cores."),
            rows,
            passed));
        return passed ? 0 : 1;
    }

    /// <summary>Live Direct Line conversations (id and token), so hostile activities reach the conversation behind the credentials check.</summary>
    private static async Task<IReadOnlyList<(string Id, string Token)>> ConversationsAsync(HttpClient http, int count)
    {
        var conversations = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v3/directline/conversations", UriKind.Relative));
            request.Headers.Authorization = new("Bearer", DirectLineSecret);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            conversations.Add((body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!));
        }

        return conversations;
    }

    private static string Truncate(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
