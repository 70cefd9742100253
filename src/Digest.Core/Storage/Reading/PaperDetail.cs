namespace Digest.Core.Storage.Reading;

/// <summary>A paper with its newest translation and every digest it appeared in.</summary>
public sealed record PaperDetail
{
    public required string Key { get; init; }

    /// <summary>arxiv | doi | hash.</summary>
    public required string Kind { get; init; }

    public required string Title { get; init; }
    public string? TitleNote { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? PdfUrl { get; init; }
    public string? AbsUrl { get; init; }
    public string? CodeUrl { get; init; }
    public string? TitleEn { get; init; }
    public string? Abstract { get; init; }
    public string? AbstractEn { get; init; }
    public string? Published { get; init; }
    public int? Version { get; init; }
    public IReadOnlyList<string> Flags { get; init; } = [];
    public required string FirstSeen { get; init; }
    public required string LastSeen { get; init; }

    /// <summary>Every (date, source, rank) it appeared at, newest first.</summary>
    public IReadOnlyList<Appearance> Appearances { get; init; } = [];

    /// <summary>The distinct days it appeared on, newest first.</summary>
    public IReadOnlyList<string> Days => Appearances.Select(a => a.Date).Distinct().ToList();
}

/// <summary>Where a paper stood in one digest.</summary>
public sealed record Appearance(string Date, string Source, int Rank);
