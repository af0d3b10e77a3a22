using System.Globalization;
using CivicConnect.LoadGen;

// Bounded load on loopback only: signed Twilio webhooks at 1, 8 and 32 concurrent senders, each
// level next to pgbench single-row inserts on the same database at the same concurrency.
// `civic loadgen` starts the server and passes these arguments; see bench/README.md.
var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(LoadOptions.Usage);
    return 64;
}

using var twilioApi = TwilioApiStandIn.Start(options.ApiPort);
var results = new List<LevelResult>();
foreach (var concurrency in options.Concurrency)
{
    var webhooks = await WebhookLoad.RunAsync(options, concurrency);
    var pgbench = options.PgBench is null ? null : await PgBench.RunAsync(options, concurrency);
    results.Add(new LevelResult(concurrency, webhooks, pgbench));
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{concurrency,3} senders: {webhooks.Accepted} accepted, {webhooks.Failed} failed in {webhooks.Elapsed.TotalSeconds:0.0} s; pgbench {pgbench?.Tps:0} TPS"));
}

Console.WriteLine(Report.Markdown(options, results, twilioApi.Received));
return results.All(r => r.Webhooks.Failed == 0) ? 0 : 1;
