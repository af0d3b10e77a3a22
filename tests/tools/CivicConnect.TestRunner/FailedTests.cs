using System.Xml;
using System.Xml.Linq;

namespace CivicConnect.TestRunner;

/// <summary>
/// The failed tests of a results file with the first lines of their messages. Printed again just
/// above the summary line because a CI log often keeps only its tail, where the streamed
/// "Failed …" lines of a long run are long gone.
/// </summary>
internal static class FailedTests
{
    private static readonly XNamespace TeamTest = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private const int MessageLines = 3;
    private const int MessageChars = 400;

    public static IReadOnlyList<string> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return XDocument.Load(path)
                .Descendants(TeamTest + "UnitTestResult")
                .Where(result => (string?)result.Attribute("outcome") == "Failed")
                .Select(Describe)
                .ToList();
        }
        catch (Exception ex) when (ex is XmlException or IOException)
        {
            return [];
        }
    }

    private static string Describe(XElement result)
    {
        var name = (string?)result.Attribute("testName") ?? "(unnamed test)";
        var message = result.Descendants(TeamTest + "Message").FirstOrDefault()?.Value ?? "";
        var firstLines = string.Join(" | ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MessageLines));
        if (firstLines.Length > MessageChars)
        {
            firstLines = firstLines[..MessageChars] + "…";
        }

        return $"FAILED {name}: {firstLines}";
    }
}
