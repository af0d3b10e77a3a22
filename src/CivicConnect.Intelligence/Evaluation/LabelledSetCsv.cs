using System.Text;
using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Definitions;

namespace CivicConnect.Intelligence.Evaluation;

/// <summary>
/// Reads a labelled set: CSV (RFC 4180 quoting) with a header naming <c>text</c> and
/// <c>category</c>, and optionally <c>expected_priority</c> and <c>locale</c>. Without a locale
/// column the locale is guessed (French when it reads French), since MiniLM needs to be shown
/// French examples for French messages.
/// </summary>
public static class LabelledSetCsv
{
    public static IReadOnlyList<LabelledExample> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, Path.GetFileName(path));
    }

    public static IReadOnlyList<LabelledExample> Read(TextReader reader, string name)
    {
        var rows = ParseRows(reader).ToList();
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{name} is empty");
        }

        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        int text = header.IndexOf("text"), category = header.IndexOf("category");
        int priority = header.IndexOf("expected_priority"), locale = header.IndexOf("locale");
        if (text < 0 || category < 0)
        {
            throw new InvalidDataException($"{name}: the header needs 'text' and 'category' columns (found: {string.Join(", ", header)})");
        }

        var examples = new List<LabelledExample>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            string Cell(int i) => i >= 0 && i < row.Count ? row[i].Trim() : string.Empty;
            if (Cell(text).Length == 0 || Cell(category).Length == 0)
            {
                continue;
            }

            Priority? expected = null;
            if (Cell(priority).Length > 0)
            {
                expected = Enum.TryParse<Priority>(Cell(priority), ignoreCase: true, out var p)
                    ? p
                    : throw new InvalidDataException($"{name} line {r + 1}: unknown priority '{Cell(priority)}' (low, normal, high, urgent)");
            }

            var language = Cell(locale).Length > 0 ? Cell(locale) : LocaleGuess.Guess(Cell(text));
            examples.Add(new LabelledExample(Cell(text), language, Cell(category), expected));
        }

        return examples;
    }

    private static IEnumerable<List<string>> ParseRows(TextReader reader)
    {
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        cell.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (ch == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                if (row.Count > 1 || row[0].Length > 0)
                {
                    yield return row;
                }

                row = [];
            }
            else
            {
                cell.Append(ch);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString().TrimEnd('\r'));
            yield return row;
        }
    }
}
