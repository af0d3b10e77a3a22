using System.IO.Compression;
using System.Text;

namespace CivicConnect.Geo.Places.Import;

/// <summary>
/// Reads an RFC 4180 CSV file (quoted fields, doubled quotes, a BOM, <c>.gz</c> compressed or not)
/// into rows keyed by header name. Open-data exports are plain CSV; no CSV package is needed.
/// </summary>
public static class CsvRows
{
    public static IEnumerable<IReadOnlyDictionary<string, string>> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        string[]? header = null;
        foreach (var fields in Records(reader))
        {
            if (header is null)
            {
                header = fields.Select(f => f.Trim()).ToArray();
                continue;
            }

            var row = new Dictionary<string, string>(header.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < fields.Count ? fields[i] : "";
            }

            yield return row;
        }
    }

    private static IEnumerable<List<string>> Records(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields;
                    fields = [];
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
