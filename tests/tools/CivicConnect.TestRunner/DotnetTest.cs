using System.Diagnostics;

namespace CivicConnect.TestRunner;

internal static class DotnetTest
{
    /// <summary>
    /// One <c>dotnet test</c> over a built project: results as <c>NAME.trx</c> in the results
    /// folder, each test's outcome on the console. Its output is not captured, so a long test
    /// class shows progress as it runs; the environment (connection strings) is inherited.
    /// </summary>
    public static async Task<int> RunAsync(string project, string name, RunOptions options)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in Arguments(project, name, options))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            await process.WaitForExitAsync();
            return process.ExitCode;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"civic: could not run dotnet test for {name}: {ex.Message}");
            return -1;
        }
    }

    private static string[] Arguments(string project, string name, RunOptions options)
    {
        string[] always =
        [
            "test", project, "--no-build", "-c", options.Configuration, "--nologo", "-v", "quiet",
            "--logger", $"trx;LogFileName={name}.trx", "--logger", "console;verbosity=normal",
            "--results-directory", options.ResultsDirectory,
        ];
        return options.Filter is null ? always : [.. always, "--filter", options.Filter];
    }
}
