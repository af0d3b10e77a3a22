namespace CivicConnect.TestRunner;

internal readonly record struct TestCounts(int Passed, int Failed, int Skipped)
{
    public static TestCounts Zero => default;

    public static TestCounts operator +(TestCounts left, TestCounts right) =>
        new(left.Passed + right.Passed, left.Failed + right.Failed, left.Skipped + right.Skipped);
}
