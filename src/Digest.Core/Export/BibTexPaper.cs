namespace Digest.Core.Export;

/// <summary>
/// What a BibTeX entry is made from; the columns of the <c>paper</c> table (or of one entry), so that any feature
/// (a paper page, a day export, bookmarks) can build one from its own query.
/// </summary>
/// <param name="Key">The paper key: an arXiv id without version, a DOI, or an <c>h-…</c> hash.</param>
/// <param name="Kind"><c>arxiv</c>, <c>doi</c> or <c>hash</c>, as in <c>paper.kind</c>.</param>
/// <param name="Title">The Chinese title.</param>
/// <param name="TitleEn">The English title when the digest had one.</param>
/// <param name="FirstSeen">The first day the paper appeared, <c>yyyy-MM-dd</c>: the year when nothing better names one.</param>
/// <param name="Published">The digest's publication date, free text; its leading <c>yyyy</c> is used when the key names no year.</param>
public sealed record BibTexPaper(
    string Key, string Kind, string Title, string? TitleEn, IReadOnlyList<string> Authors, string FirstSeen, string? PdfUrl, string? Published = null);
