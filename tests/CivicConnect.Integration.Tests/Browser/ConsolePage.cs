using Microsoft.Playwright;

namespace CivicConnect.Integration.Tests.Browser;

/// <summary>
/// A console tab. Records what must not happen (uncaught script errors, server errors, a broken
/// circuit) in <see cref="Problems"/>, and scans the page with axe-core.
/// </summary>
public sealed class ConsolePage
{
    public const float StepTimeoutMs = 30_000;

    private readonly List<string> problems = [];
    private readonly List<string> log = [];

    public ConsolePage(IPage page)
    {
        Page = page;
        page.PageError += (_, error) => Record($"uncaught error: {error}");
        page.Console += (_, message) =>
        {
            Remember($"console {message.Type}: {message.Text}");
            // A refusal page is answered with 403 on purpose (the response check below skips it too); Chromium logs the status.
            if (message.Type == "error" && !message.Text.Contains("status of 403", StringComparison.Ordinal))
            {
                Record($"console error: {message.Text}");
            }
        };
        page.RequestFailed += (_, request) => Remember($"request failed: {request.Method} {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Status != 403)
            {
                Record($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (problems)
            {
                return [.. problems];
            }
        }
    }

    /// <summary>Goes to a console path and waits until the page is interactive (the circuit is up).</summary>
    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path.TrimStart('/'));
        await WaitForCircuitAsync();
    }

    /// <summary>
    /// Blazor marks the document once the interactive circuit has started; until then buttons do
    /// nothing. Pages rendered statically (no circuit) have no Blazor script and return at once.
    /// </summary>
    public async Task WaitForCircuitAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Page.WaitForFunctionAsync(
            "() => !document.querySelector('script[src*=\"blazor.web\"]') || (window.Blazor && document.querySelector('[data-circuit-ready]'))",
            null,
            new() { Timeout = StepTimeoutMs });
    }

    /// <summary>axe-core (WCAG 2.1 A and AA rules) on the page as it is now: serious and critical violations, described.</summary>
    public Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync() => AxeScan.SeriousViolationsAsync(Page);

    /// <summary>Everything the page said (console, failed requests, problems): for a failing test's message.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return string.Join(Environment.NewLine, log);
            }
        }
    }

    private void Record(string problem)
    {
        Remember(problem);
        lock (problems)
        {
            problems.Add(problem);
        }
    }

    private void Remember(string line)
    {
        lock (log)
        {
            log.Add(line);
        }
    }
}
