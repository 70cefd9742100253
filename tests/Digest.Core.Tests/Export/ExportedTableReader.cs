namespace Digest.Core.Tests.Export;

/// <summary>
/// Reads the tables our markdown exporter writes, by its own rules and nothing else: a delimiter is a <c>|</c> not
/// preceded by <c>\</c>, the writer puts one space on each side of a cell, and <c>\|</c> in a cell is <c>|</c>.
/// A row ends at the newline after its last delimiter, so cells may span lines. This checks the writer without
/// the importer's parser.
/// </summary>
internal static class ExportedTableReader
{
    public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

    /// <summary>Every table in the text, in order; the text before each is ignored.</summary>
    public static List<Table> Read(string markdown)
    {
        var tables = new List<Table>();
        var position = 0;
        while (true)
        {
            var start = markdown.IndexOf("\n| ", position, StringComparison.Ordinal);
            if (start < 0)
            {
                return tables;
            }

            var header = ReadRow(markdown, start + 1, out position);
            var rule = ReadRow(markdown, position, out position);
            Assert.All(rule, cell => Assert.Matches("^-+$", cell.Trim()));
            var rows = new List<IReadOnlyList<string>>();
            while (position < markdown.Length && markdown[position] == '|')
            {
                var row = ReadRow(markdown, position, out position);
                Assert.Equal(header.Count, row.Count);
                rows.Add(row);
            }

            tables.Add(new Table(header.Select(h => h.Trim()).ToList(), rows));
        }
    }

    private static List<string> ReadRow(string text, int start, out int next)
    {
        Assert.Equal('|', text[start]);
        var cells = new List<string>();
        var cellStart = start + 1;
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\n' && text[i - 1] == '|' && text[i - 2] != '\\')
            {
                next = i + 1;
                return cells;
            }

            if (text[i] == '|' && text[i - 1] != '\\')
            {
                cells.Add(Cell(text[cellStart..i]));
                cellStart = i + 1;
            }
        }

        next = text.Length;
        return cells;
    }

    private static string Cell(string raw)
    {
        if (raw.Length >= 2 && raw[0] == ' ' && raw[^1] == ' ')
        {
            raw = raw[1..^1];
        }
        else if (raw.Trim().Trim('-').Length > 0)
        {
            Assert.Fail($"a cell without its spaces: [{raw}]");
        }

        return raw.Replace("\\|", "|", StringComparison.Ordinal);
    }
}
