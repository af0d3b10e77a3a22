namespace CivicConnect.TestRunner;

internal static class TestProjects
{
    /// <summary>
    /// Every <c>tests/*/*.csproj</c>, in name order: a new test project is picked up by being
    /// there. This tool lives one level deeper (<c>tests/tools/</c>) so it is not one of them.
    /// </summary>
    public static IReadOnlyList<string> Find(string root)
    {
        var tests = Path.Combine(root, "tests");
        return Directory.Exists(tests)
            ? Directory.EnumerateDirectories(tests)
                .SelectMany(directory => Directory.EnumerateFiles(directory, "*.csproj", SearchOption.TopDirectoryOnly))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }
}
