using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace Digest.Core.Import;

/// <summary>Where one cell's text sits in its row: <c>Start</c> and <c>End</c> (exclusive); empty cells have Length 0.</summary>
internal readonly record struct CellSpan(int Start, int End)
{
    public int Length => End - Start;
    public bool IsEmpty => End <= Start;
}

/// <summary>
/// Reads table rows with Markdig's pipe tables and returns the cell spans from the AST. Rows are handed over
/// whole (already joined, see <see cref="RowJoiner"/>) as one-line skeletons (<see cref="PipeText.Skeleton"/>):
/// Markdig decides where rows and cells are, and the cell text is then taken verbatim from the row.
/// </summary>
internal static class MarkdigTable
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>The header's cell texts, trimmed.</summary>
    public static string[]? ReadHeader(string headerLine, string separatorLine)
    {
        var skeleton = PipeText.Skeleton(headerLine, out var runs);
        var rows = Parse(skeleton + "\n" + separatorLine.Trim() + "\n", out _);
        if (rows is null || rows.Count == 0)
        {
            return null;
        }

        var header = MapBack(rows[0], 0, runs);
        var last = header.Length - 1;
        while (last >= 0 && header[last].IsEmpty)
        {
            last--;
        }

        return header.Take(last + 1).Select(s => s.IsEmpty ? string.Empty : headerLine[s.Start..s.End].Trim()).ToArray();
    }

    /// <summary>Cell spans for every row, or null for a row Markdig did not read as a table row.</summary>
    public static CellSpan[]?[] ReadRows(IReadOnlyList<string> rows, int columnCount)
    {
        var result = new CellSpan[]?[rows.Count];
        if (rows.Count == 0)
        {
            return result;
        }

        var header = "|" + string.Concat(Enumerable.Repeat(" h |", Math.Max(1, columnCount)));
        var separator = "|" + string.Concat(Enumerable.Repeat("---|", Math.Max(1, columnCount)));
        var builder = new System.Text.StringBuilder(header.Length + separator.Length + rows.Sum(r => r.Length + 1) + 2);
        builder.Append(header).Append('\n').Append(separator).Append('\n');
        var offsets = new int[rows.Count];
        var skeletons = new string[rows.Count];
        var runs = new CellSpan[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            offsets[i] = builder.Length;
            skeletons[i] = PipeText.Skeleton(rows[i], out runs[i]);
            builder.Append(skeletons[i]).Append('\n');
        }

        var parsed = Parse(builder.ToString(), out var rowStarts);
        if (parsed is not null && parsed.Count == rows.Count + 1 && rowStarts.Skip(1).SequenceEqual(offsets))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                result[i] = MapBack(parsed[i + 1], offsets[i], runs[i]);
            }

            return result;
        }

        // Markdig did not see one table with one row per joined row: read the rows one by one to find the bad one.
        for (var i = 0; i < rows.Count; i++)
        {
            var single = header + "\n" + separator + "\n";
            var one = Parse(single + skeletons[i] + "\n", out _);
            result[i] = one is { Count: 2 } ? MapBack(one[1], single.Length, runs[i]) : null;
        }

        return result;
    }

    /// <summary>Turns cell spans in the skeleton (at <paramref name="offset"/> in the parsed text) into spans of the row.</summary>
    private static CellSpan[] MapBack(CellSpan[] cells, int offset, CellSpan[] runs)
    {
        var mapped = new CellSpan[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].IsEmpty)
            {
                continue;
            }

            var first = runs[cells[i].Start - offset];
            var last = runs[cells[i].End - 1 - offset];
            mapped[i] = new CellSpan(first.Start, last.End);
        }

        return mapped;
    }

    private static List<CellSpan[]>? Parse(string markdown, out List<int> rowStarts)
    {
        rowStarts = [];
        var document = Markdown.Parse(markdown, Pipeline);
        if (document.Count != 1 || document[0] is not Table table)
        {
            return null;
        }

        var rows = new List<CellSpan[]>(table.Count);
        foreach (var block in table)
        {
            if (block is not TableRow row)
            {
                return null;
            }

            rowStarts.Add(LineStart(markdown, row.Span.Start));
            var cells = new CellSpan[row.Count];
            for (var i = 0; i < row.Count; i++)
            {
                var span = row[i].Span;
                cells[i] = span.End >= span.Start && span.Start >= 0 && row[i] is TableCell { Count: > 0 } ? new CellSpan(span.Start, span.End + 1) : default;
            }

            rows.Add(cells);
        }

        return rows;
    }

    private static int LineStart(string text, int index)
    {
        var newline = index <= 0 ? -1 : text.LastIndexOf('\n', index - 1);
        return newline + 1;
    }
}
