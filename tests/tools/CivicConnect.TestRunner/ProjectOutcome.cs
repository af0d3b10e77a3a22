namespace CivicConnect.TestRunner;

internal static class ProjectOutcome
{
    /// <summary>
    /// What one project adds to the summary. A run that exits non-zero without a failed test in
    /// its results (it crashed, a fixture threw, it wrote no results) still counts as a failure, so
    /// the summary can never read "0 failed" when something went wrong.
    /// </summary>
    public static TestCounts Count(TestCounts? results, int exitCode, string name)
    {
        var counts = results ?? TestCounts.Zero;
        if (exitCode != 0 && counts.Failed == 0)
        {
            Console.Error.WriteLine($"civic: {name} ended with exit code {exitCode} without reporting a failed test (crash or build error); counted as one failure");
            return counts with { Failed = 1 };
        }

        return counts;
    }
}
