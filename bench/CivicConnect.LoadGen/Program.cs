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

if (options.Mode == "transitions")
{
    if (string.IsNullOrEmpty(options.StaffToken))
    {
        Console.Error.WriteLine("transitions mode needs --staff-token (civic loadgen passes one)");
        return 64;
    }

    var load = new TransitionLoad(options);
    await load.CreateIssuesAsync(options.Issues);
    var levels = new List<TransitionResult>();
    foreach (var concurrency in options.Concurrency)
    {
        var level = await load.RunAsync(concurrency);
        levels.Add(level);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{concurrency,3} staff clients: {level.Succeeded} transitions, {level.Failed} failed in {level.Elapsed.TotalSeconds:0.0} s"));
    }

    Console.WriteLine(TransitionLoad.Markdown(options, options.Issues, levels));
    return levels.All(l => l.Failed == 0) ? 0 : 1;
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
