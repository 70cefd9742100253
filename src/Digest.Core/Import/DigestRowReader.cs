using Digest.Core.Papers;

namespace Digest.Core.Import;

/// <summary>Turns one joined table row, its cell spans and the table's columns into a <see cref="DigestRow"/>.</summary>
internal static class DigestRowReader
{
    /// <summary>Extra key under which a title cell's LLM preamble line is kept.</summary>
    public const string TitlePreambleKey = "title_preamble";

    private static readonly IReadOnlyDictionary<string, string> NoExtra = new Dictionary<string, string>();

    public static DigestRow? Read(string row, IReadOnlyList<CellSpan> cells, DigestColumns columns, int line, int endLine, out string? problem)
    {
        var layout = RowAligner.Align(row, cells, columns, out problem);
        if (layout is null)
        {
            return null;
        }

        var texts = new string?[columns.Count];
        var merged = false;
        for (var i = 0; i < columns.Count; i++)
        {
            var (first, last) = layout[i];
            merged |= last > first;
            texts[i] = first < 0 ? string.Empty : CellText.Normalise(Slice(row, cells, first, last));
        }

        string? Text(ColumnRole role)
        {
            var index = columns.IndexOf(role);
            return index < 0 ? null : texts[index];
        }

        var flags = new List<string>(4);
        if (endLine > line)
        {
            flags.Add(EntryFlags.Multiline);
        }

        var titleText = Text(ColumnRole.Title) ?? Text(ColumnRole.TitleEn) ?? string.Empty;
        var title = TitleCell.Read(titleText);
        if (titleText.Length == 0)
        {
            flags.Add(EntryFlags.EmptyTitle);
        }

        if (title.Note is not null)
        {
            flags.Add(EntryFlags.TitleNote);
        }

        if (title.Preamble is not null)
        {
            flags.Add(ParserFlags.TitlePreamble);
        }

        var authors = Text(ColumnRole.Authors);
        if (authors is { Length: 0 })
        {
            flags.Add(ParserFlags.EmptyAuthors);
        }

        var pdf = PdfCell.Read(Text(ColumnRole.Pdf) ?? string.Empty);
        if (pdf.Url is null)
        {
            flags.Add(EntryFlags.NoLink);
        }

        var abstractText = Text(ColumnRole.Abstract);
        if (abstractText is { Length: 0 })
        {
            flags.Add(ParserFlags.EmptyAbstract);
        }

        if (abstractText is not null && abstractText.EndsWith("[翻译失败]", StringComparison.Ordinal))
        {
            flags.Add(EntryFlags.TranslationFailed);
        }

        if (PipeText.HasEscapedPipe(row))
        {
            flags.Add(ParserFlags.EscapedPipe);
        }

        if (merged)
        {
            flags.Add(ParserFlags.ExtraCellsMerged);
        }

        Dictionary<string, string>? extra = null;
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns.Roles[i] == ColumnRole.Extra)
            {
                extra ??= new Dictionary<string, string>(StringComparer.Ordinal);
                extra[columns.Names[i]] = texts[i] ?? string.Empty;
            }
        }

        if (title.Preamble is not null)
        {
            extra ??= new Dictionary<string, string>(StringComparer.Ordinal);
            extra[TitlePreambleKey] = title.Preamble;
        }

        return new DigestRow
        {
            Line = line,
            EndLine = endLine,
            Title = title.Title,
            TitleNote = title.Note,
            Authors = string.IsNullOrEmpty(authors) ? [] : [authors],
            PdfUrl = pdf.Url,
            CodeUrl = CodeLink(Text(ColumnRole.Code)),
            TitleEn = Text(ColumnRole.TitleEn),
            Abstract = abstractText,
            AbstractEn = Text(ColumnRole.AbstractEn),
            Published = Text(ColumnRole.Published) is { Length: > 0 } published ? published : null,
            Extra = extra ?? NoExtra,
            Flags = flags,
        };
    }

    private static ReadOnlySpan<char> Slice(string row, IReadOnlyList<CellSpan> cells, int first, int last)
    {
        // A merged column runs from its first non-empty cell to its last, delimiters included: they were text.
        var start = -1;
        var end = -1;
        for (var i = first; i <= last; i++)
        {
            if (cells[i].IsEmpty)
            {
                continue;
            }

            if (start < 0)
            {
                start = cells[i].Start;
            }

            end = cells[i].End;
        }

        return start < 0 ? [] : row.AsSpan(start, end - start);
    }

    private static string? CodeLink(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Equals("N/A", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return PdfCell.LinkTarget(text) ?? text;
    }
}
