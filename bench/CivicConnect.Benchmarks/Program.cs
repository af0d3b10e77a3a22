using BenchmarkDotNet.Running;

// `civic bench [BenchmarkDotNet arguments]`, e.g. `civic bench --filter '*Ward*'` or `civic bench --list flat`.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(CivicConnect.Benchmarks.PerCallConfig).Assembly).Run(args);

// A benchmark that could not run (no database, no wards, build error) fails the command.
var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;
