namespace Digest.Core.Export;

/// <summary>One column of an exported digest table: its header, its rule and the unescaped text of its cells.</summary>
internal sealed record DigestColumn(string Header, string Rule, Func<ExportEntry, string?> Cell)
{
    public const string NoPdf = "PDF缺失";
    public const string NoCode = "N/A";
    private const string EmptyAuthorsFlag = Import.ParserFlags.EmptyAuthors;
    private const string TitlePreambleKey = Import.DigestRowReader.TitlePreambleKey;

    /// <summary>
    /// The columns a digest needs: title and PDF, authors unless the digest had no authors column (no entry has an
    /// author or an empty authors cell, as in the early English tables), then the optional ones some entry has a
    /// value for. Unknown columns come back by name; a title's LLM preamble goes back into the title cell.
    /// </summary>
    public static IReadOnlyList<DigestColumn> For(IReadOnlyList<ExportEntry> entries)
    {
        var columns = new List<DigestColumn> { new("标题", "------", TitleCell) };
        if (entries.Count == 0 || entries.Any(e => e.Authors.Count > 0 || e.Flags.Contains(EmptyAuthorsFlag)))
        {
            columns.Add(new("作者", "------", e => string.Join(", ", e.Authors)));
        }

        if (entries.Any(e => e.Published is not null))
        {
            columns.Add(new("发布日期", "----------", e => e.Published));
        }

        columns.Add(new("PDF链接", "--------", e => e.PdfUrl is null ? NoPdf : $"[PDF]({e.PdfUrl})"));
        if (entries.Any(e => e.CodeUrl is not null))
        {
            columns.Add(new("代码链接", "--------", e => e.CodeUrl ?? NoCode));
        }

        // The generator's own header has two spaces before 摘要; the importer reads both. Early digests had none.
        if (entries.Count == 0 || entries.Any(e => e.Abstract is not null))
        {
            columns.Add(new(" 摘要", "------", e => e.Abstract));
        }

        if (entries.Any(e => e.TitleEn is not null))
        {
            columns.Add(new("Title", "------", e => e.TitleEn));
        }

        if (entries.Any(e => e.AbstractEn is not null))
        {
            columns.Add(new("Abstract", "------", e => e.AbstractEn));
        }

        foreach (var name in entries.SelectMany(e => e.Extra.Keys).Where(k => k != TitlePreambleKey).Distinct(StringComparer.Ordinal))
        {
            columns.Add(new(MarkdownCell.Escape(name).Replace('\n', ' '), "------", e => e.Extra.GetValueOrDefault(name)));
        }

        return columns;
    }

    /// <summary>
    /// The title, then a blank line and the translator's note when there is one; a preamble line the importer kept
    /// apart (<c>以下是这段英文的中文翻译：</c>) goes first again, so the importer reads it the same way.
    /// </summary>
    private static string TitleCell(ExportEntry entry)
    {
        var title = string.IsNullOrEmpty(entry.TitleNote) ? entry.Title : entry.Title + "\n\n" + entry.TitleNote;
        return entry.Extra.TryGetValue(TitlePreambleKey, out var preamble) && !string.IsNullOrWhiteSpace(preamble) ? preamble + "\n" + title : title;
    }
}
