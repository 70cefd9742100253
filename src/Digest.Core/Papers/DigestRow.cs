namespace Digest.Core.Papers;

/// <summary>
/// One paper row of a digest table, as the digest wrote it. Text is normalised the way the corpus README
/// describes (lines right-stripped, blank edge lines dropped, <c>\|</c> unescaped) and otherwise verbatim:
/// escaping is the pages' job.
/// </summary>
public sealed record DigestRow
{
    /// <summary>1-based line of the row's first physical line in the file.</summary>
    public required int Line { get; init; }

    /// <summary>1-based line of the row's last physical line.</summary>
    public required int EndLine { get; init; }

    public required string Title { get; init; }
    public string? TitleNote { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? PdfUrl { get; init; }
    public string? CodeUrl { get; init; }
    public string? TitleEn { get; init; }
    public string? Abstract { get; init; }
    public string? AbstractEn { get; init; }

    /// <summary>The 发布日期 column, as written (it can differ from the page's date).</summary>
    public string? Published { get; init; }

    /// <summary>Columns the importer does not know, by header name, kept verbatim.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>See <see cref="EntryFlags"/>.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
}
