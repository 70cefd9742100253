namespace Digest.Core.Bookmarks;

/// <summary>What a bookmark import merged, and what it skipped and why.</summary>
public sealed class BookmarkImportReport
{
    public int Added { get; set; }

    /// <summary>Items the reader had bookmarked already; their original time is kept.</summary>
    public int AlreadyThere { get; set; }

    /// <summary>Items skipped because the reader reached the limit of bookmarks.</summary>
    public int OverLimit { get; set; }

    /// <summary>Well-formed targets that no day, section or paper here has, as <c>kind:target</c>.</summary>
    public List<string> Unknown { get; init; } = [];

    /// <summary>Malformed items, each as <c>#index: reason</c> (0-based).</summary>
    public IReadOnlyList<string> Invalid { get; init; } = [];
}
