namespace Digest.Core.Bookmarks;

/// <summary>What a bookmark write did. The web layer maps each to a status and a message.</summary>
public enum BookmarkOutcome
{
    /// <summary>The bookmark is new (Add, Toggle).</summary>
    Added,

    /// <summary>The reader had it already; nothing changed (Add).</summary>
    AlreadyThere,

    /// <summary>The bookmark is gone (Remove, Toggle).</summary>
    Removed,

    /// <summary>The reader had no such bookmark; nothing changed (Remove).</summary>
    NotThere,

    /// <summary>No day, section or paper has that key; nothing was stored (Add, Toggle). A 404.</summary>
    UnknownTarget,

    /// <summary>The reader holds <see cref="BookmarkStore.MaxPerReader"/> bookmarks already; nothing was stored (Add, Toggle).</summary>
    LimitReached,
}

public static class BookmarkOutcomes
{
    /// <summary>Whether the target is bookmarked after the write, for the star's state.</summary>
    public static bool IsBookmarked(this BookmarkOutcome outcome) => outcome is BookmarkOutcome.Added or BookmarkOutcome.AlreadyThere;
}
