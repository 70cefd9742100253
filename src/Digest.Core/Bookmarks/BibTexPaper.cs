namespace Digest.Core.Bookmarks;

/// <summary>What a BibTeX entry needs from a paper row.</summary>
public sealed class BibTexPaper
{
    public required string Key { get; init; }

    /// <summary>arxiv | doi | hash, as in paper.kind.</summary>
    public required string Kind { get; init; }

    /// <summary>The Chinese title; used when there is no English one.</summary>
    public required string Title { get; init; }

    public string? TitleEnglish { get; init; }

    /// <summary>A JSON array of names, as stored.</summary>
    public string? AuthorsJson { get; init; }

    public string? Published { get; init; }

    /// <summary>yyyy-MM-dd of the first digest that listed the paper.</summary>
    public string? FirstSeen { get; init; }

    public string? PdfUrl { get; init; }
}
