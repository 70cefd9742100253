namespace Digest.Core.Bookmarks;

/// <summary>What a bookmark points at. The names are the lower-case words stored and exported.</summary>
public enum BookmarkKind
{
    /// <summary>A whole day: <c>yyyy-MM-dd</c>.</summary>
    Day,

    /// <summary>One source's section of a day: <c>yyyy-MM-dd/source</c>.</summary>
    Section,

    /// <summary>A paper by its stable key: an arXiv id without version, a DOI, or <c>h-</c> and 16 hex digits.</summary>
    Paper,
}

public static class BookmarkKindNames
{
    public static string Name(this BookmarkKind kind) => kind switch
    {
        BookmarkKind.Day => "day",
        BookmarkKind.Section => "section",
        BookmarkKind.Paper => "paper",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static BookmarkKind? Parse(string? name) => name switch
    {
        "day" => BookmarkKind.Day,
        "section" => BookmarkKind.Section,
        "paper" => BookmarkKind.Paper,
        _ => null,
    };
}
