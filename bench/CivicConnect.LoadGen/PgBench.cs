using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CivicConnect.LoadGen;

internal sealed record PgBenchResult(double Tps, string CommandLine);

/// <summary>
/// pgbench with a one-statement custom script (one row into a scratch table, one transaction),
/// at the same concurrency and for the same time as the webhook level: the database's own ceiling
/// for single-row commits on this machine, to read the webhook figures against.
/// </summary>
internal static partial class PgBench
{
    public static async Task<PgBenchResult?> RunAsync(LoadOptions options, int concurrency)
    {
        var script = Path.Combine(Path.GetTempPath(), "civic-loadgen-insert.sql");
        await File.WriteAllTextAsync(script, "INSERT INTO loadgen_scratch (sender, body) VALUES ('+14035550100', 'pothole on 17 Ave SW');\n");
        var seconds = Math.Max(1, (int)options.Duration.TotalSeconds);
        var threads = Math.Min(concurrency, Environment.ProcessorCount);
        var arguments = string.Create(CultureInfo.InvariantCulture, $"-n -c {concurrency} -j {threads} -T {seconds} -f {script} {options.PgConnectionArgs}");
        var start = new ProcessStartInfo(options.PgBench!, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = TpsLine().Match(output);
        if (process.ExitCode != 0 || !match.Success)
        {
            Console.Error.WriteLine($"pgbench failed ({process.ExitCode}): {errors.Trim()}");
            return null;
        }

        return new PgBenchResult(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), $"pgbench {arguments}");
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}
