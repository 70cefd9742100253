namespace Digest.Core.Storage.Reading;

/// <summary>An author's papers, newest first.</summary>
public sealed record AuthorPapers
{
    public required string Name { get; init; }
    public IReadOnlyList<AuthorPaper> Papers { get; init; } = [];

    /// <summary>Digest entries across all the papers (a paper can appear on several days).</summary>
    public int EntryCount => Papers.Sum(p => p.Appearances);
}

/// <summary>One of an author's papers: the newest title, when it was last seen and how often.</summary>
public sealed record AuthorPaper
{
    public required string Key { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public required string LastSeen { get; init; }
    public required string LastSource { get; init; }
    public required int Appearances { get; init; }
}
