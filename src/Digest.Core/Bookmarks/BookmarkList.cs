namespace Digest.Core.Bookmarks;

/// <summary>Everything on a reader's /bookmarks page: days (and day sections), then papers, each newest first.</summary>
public sealed record BookmarkList(IReadOnlyList<BookmarkedDay> Days, IReadOnlyList<BookmarkedPaper> Papers)
{
    public static readonly BookmarkList Empty = new([], []);

    public int Count => Days.Count + Papers.Count;
}

/// <summary>
/// A bookmarked day, or one source's section of it, with its paper counts per source. A day that a later import
/// no longer holds has no sources; the reader can still see and remove the bookmark.
/// </summary>
public sealed record BookmarkedDay(BookmarkTarget Target, DateTimeOffset CreatedAt, IReadOnlyList<SourcePaperCount> Sources)
{
    public DateOnly Date => Target.Date!.Value;

    /// <summary>The source slug for a section bookmark; null for a whole day.</summary>
    public string? Source => Target.Source;

    public int PaperCount => Sources.Sum(s => s.Papers);

    public bool StillExists => Sources.Count > 0;
}

/// <summary>One digest of a day: its source, state (papers | no_papers | fetch_failed) and entry count.</summary>
public sealed record SourcePaperCount(string Source, string State, int Papers);

/// <summary>
/// A bookmarked paper with what the list shows. Title and the rest are null when a later import removed the
/// paper; the bookmark stays until the reader removes it.
/// </summary>
public sealed record BookmarkedPaper(
    BookmarkTarget Target,
    DateTimeOffset CreatedAt,
    string? Title,
    string? TitleEnglish,
    IReadOnlyList<string> Authors,
    string? PdfUrl,
    string? AbsUrl,
    DateOnly? LastSeen)
{
    public string Key => Target.Target;

    public bool StillExists => Title is not null;
}
