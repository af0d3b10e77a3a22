using System.Diagnostics;
using CivicConnect.TestRunner;

// `civic test [filter]`, after the script has built the solution and started the private cluster:
// runs every tests/*/*.csproj (already built) one after the other with their output streaming
// through, then prints one line — "N passed, N failed, N skipped" — as the last line of output,
// and exits non-zero when anything failed. A project whose run fails without a failed test in its
// results (a crash, a fixture that throws, no results file) counts as one failure.
var options = RunOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(RunOptions.Usage);
    return 64;
}

var clock = Stopwatch.StartNew();
Directory.CreateDirectory(options.ResultsDirectory);
foreach (var stale in Directory.EnumerateFiles(options.ResultsDirectory, "*.trx"))
{
    File.Delete(stale);
}

var total = TestCounts.Zero;
var failures = new List<string>();
foreach (var project in TestProjects.Find(options.Root))
{
    var name = Path.GetFileNameWithoutExtension(project);
    Console.Error.WriteLine($"civic: testing {name}");
    var exitCode = await DotnetTest.RunAsync(project, name, options);
    var results = Path.Combine(options.ResultsDirectory, name + ".trx");
    total += ProjectOutcome.Count(TrxFile.Read(results), exitCode, name);
    failures.AddRange(FailedTests.Read(results));
}

Console.Error.WriteLine($"civic: test run took {(int)clock.Elapsed.TotalSeconds} s");
foreach (var failure in failures)
{
    Console.WriteLine(failure);
}

Console.WriteLine($"{total.Passed} passed, {total.Failed} failed, {total.Skipped} skipped");
return total.Failed > 0 ? 1 : 0;
