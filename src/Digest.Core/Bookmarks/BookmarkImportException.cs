namespace Digest.Core.Bookmarks;

/// <summary>A bookmark import that was refused as a whole; its message says why and can be shown to the reader.</summary>
public sealed class BookmarkImportException(string message, Exception? inner = null) : Exception(message, inner);
