namespace Digest.Core.Import;

/// <summary>A table row's physical lines, first and last inclusive, 0-based indexes into the file's lines.</summary>
internal readonly record struct JoinedRow(int First, int Last, bool HasPdfCell);

/// <summary>
/// Joins the physical lines of one table row. Cells can hold blank lines, <c>## headings</c>, lists and whole
/// nested <c>|a|b|</c> tables, so a row stays open until its PDF cell (<c>[PDF](…)</c> or <c>PDF缺失</c>) has been
/// seen and the delimiters of the remaining columns have followed it, ending a line. A line that starts a new row
/// with its own PDF cell closes a row that never completed (the parser then reports or salvages it).
/// </summary>
internal sealed class RowJoiner(string[] lines, int columnCount, int pdfIndex)
{
    private const string PdfLink = "[PDF](";
    private const string PdfMissing = "PDF缺失";

    /// <summary>True for a line that can start a table row.</summary>
    public static bool StartsRow(string line) => line.AsSpan().TrimStart(' ').StartsWith('|');

    public JoinedRow Join(int start)
    {
        if (pdfIndex < 0)
        {
            return new JoinedRow(start, start, false);
        }

        var required = columnCount - pdfIndex;
        var pdfLine = -1;
        var pipesAfterPdf = 0;
        var lastCandidate = -1;
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i > start && StartsRow(line) && PdfCellAt(line, pdfIndex + 1) >= 0)
            {
                // The next row begins here; this one ends before it, complete or not.
                return new JoinedRow(start, i - 1, pdfLine >= 0);
            }

            var from = 0;
            if (pdfLine < 0)
            {
                var pdf = PdfCellAt(line, i == start ? pdfIndex + 1 : 0);
                if (pdf < 0)
                {
                    continue;
                }

                pdfLine = i;
                from = pdf;
            }

            pipesAfterPdf += PipeText.CountDelimiters(line, from);
            var closes = pipesAfterPdf >= required && line.AsSpan().TrimEnd().EndsWith('|')
                && !(i > pdfLine && StartsRow(line));
            if (closes)
            {
                lastCandidate = i;
                if (NextContentEndsRow(i + 1))
                {
                    return new JoinedRow(start, i, true);
                }
            }
        }

        // End of file: close at the last point where the row could end, or take everything.
        return new JoinedRow(start, lastCandidate >= 0 ? lastCandidate : lines.Length - 1, pdfLine >= 0);
    }

    /// <summary>
    /// The index just after the PDF token when the line has a PDF cell (the token opens a cell) preceded by at
    /// least <paramref name="minPipesBefore"/> delimiters; otherwise -1.
    /// </summary>
    private static int PdfCellAt(string line, int minPipesBefore)
    {
        var span = line.AsSpan();
        var searchFrom = 0;
        while (searchFrom < span.Length)
        {
            var link = span[searchFrom..].IndexOf(PdfLink, StringComparison.Ordinal);
            var missing = span[searchFrom..].IndexOf(PdfMissing, StringComparison.Ordinal);
            var at = link < 0 ? missing : missing < 0 ? link : Math.Min(link, missing);
            if (at < 0)
            {
                return -1;
            }

            at += searchFrom;
            var before = span[..at].TrimEnd(' ');
            if (before.Length > 0 && PipeText.IsDelimiter(before, before.Length - 1)
                && (minPipesBefore <= 1 || PipeText.CountDelimiters(before) >= minPipesBefore))
            {
                return at + 1;
            }

            searchFrom = at + 1;
        }

        return -1;
    }

    /// <summary>
    /// After a line that could end the row: does the next non-blank line start something else (a row, a heading,
    /// a note, front matter, HTML) or is the file over? Plain text means the cell goes on.
    /// </summary>
    private bool NextContentEndsRow(int index)
    {
        for (var i = index; i < lines.Length; i++)
        {
            var line = lines[i].AsSpan().TrimStart(' ');
            if (line.IsWhiteSpace())
            {
                continue;
            }

            return line[0] is '|' or '#' or '>' or '<' || line.StartsWith("---");
        }

        return true;
    }
}
