using Digest.Core.Papers;

namespace Digest.Core.Export;

/// <summary>
/// One day's digests, or one source's digest of a day, with every entry as imported: what the CSV, JSON,
/// markdown and BibTeX exports are written from.
/// </summary>
/// <param name="Source">The source asked for, or null when the export covers the whole day.</param>
public sealed record DayExport(DateOnly Date, string? Source, IReadOnlyList<SourceDigest> Digests)
{
    /// <summary>Entries across every digest, in (source, rank) order.</summary>
    public IEnumerable<ExportEntry> Entries => Digests.SelectMany(d => d.Entries);

    public int Count => Digests.Sum(d => d.Entries.Count);

    /// <summary><c>yyyy-MM-dd</c>, or <c>yyyy-MM-dd-source</c> for one source: the stem of a download's file name.</summary>
    public string FileStem => Source is null ? $"{Date:yyyy-MM-dd}" : $"{Date:yyyy-MM-dd}-{Source}";
}

/// <summary>One (date, source) digest: what the generator said about that source on that day.</summary>
public sealed record SourceDigest(string Source, DigestState State, string? StateNote, IReadOnlyList<ExportEntry> Entries);

/// <summary>One entry (a digest table row) with its paper's key and every day that paper appeared.</summary>
public sealed record ExportEntry
{
    public required DateOnly Date { get; init; }
    public required string Source { get; init; }
    public required int Rank { get; init; }
    public required string Key { get; init; }
    public required PaperKeyKind KeyKind { get; init; }
    public required string Title { get; init; }
    public string? TitleNote { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? PdfUrl { get; init; }
    public string? CodeUrl { get; init; }
    public string? TitleEn { get; init; }
    public string? Abstract { get; init; }
    public string? AbstractEn { get; init; }
    public string? Published { get; init; }
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Columns the importer did not know, by header name, as the digest wrote them.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>Every day the paper appeared on, ascending, this one included.</summary>
    public IReadOnlyList<DateOnly> Days { get; init; } = [];

    /// <summary>The abstract page: arxiv.org/abs for arXiv ids, doi.org for DOIs, null for unlinked rows.</summary>
    public string? PaperUrl => new PaperKey(Key, KeyKind, null).AbsUrl;
}
