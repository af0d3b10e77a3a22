using System.Diagnostics;

namespace CivicConnect.Integration.Tests.Infrastructure;

/// <summary>Runs a program to its end for a test (npm, node, dotnet publish, the image's entrypoint), killed with its children after the timeout.</summary>
public static class ChildProcess
{
    /// <param name="onlyThisEnvironment">Start from an empty environment, as a container would, instead of inheriting the test's.</param>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string command, IEnumerable<string> arguments, string directory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, bool onlyThisEnvironment = false)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (onlyThisEnvironment)
        {
            start.Environment.Clear();
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.\n{await output}\n{await errors}");
        }

        return (process.ExitCode, await output, await errors);
    }
}
