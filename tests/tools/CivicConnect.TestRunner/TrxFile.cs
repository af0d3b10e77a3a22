using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace CivicConnect.TestRunner;

internal static class TrxFile
{
    private static readonly XNamespace TeamTest = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>
    /// The counters of a results file (<c>ResultSummary/Counters</c>): passed, failed, and as
    /// skipped every test that was found but not executed. Null when the file is missing or
    /// unreadable, which is what a crashed run leaves.
    /// </summary>
    public static TestCounts? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var counters = XDocument.Load(path).Descendants(TeamTest + "Counters").FirstOrDefault();
            if (counters is null)
            {
                return null;
            }

            int Count(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0", CultureInfo.InvariantCulture);
            return new TestCounts(Count("passed"), Count("failed"), Count("total") - Count("executed"));
        }
        catch (Exception ex) when (ex is XmlException or FormatException or OverflowException or IOException)
        {
            Console.Error.WriteLine($"civic: unreadable results file {Path.GetFileName(path)}: {ex.Message}");
            return null;
        }
    }
}
