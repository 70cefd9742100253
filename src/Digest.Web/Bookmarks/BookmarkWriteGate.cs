namespace Digest.Web.Bookmarks;

/// <summary>
/// Lets one bookmark write at a time into SQLite from this process. Writers that meet at SQLite's write lock
/// wait in its busy handler, which sleeps in growing steps and makes the slow tail; queueing here instead hands
/// the lock over at once. Reads never pass through here (WAL), and an import's writes are not held up by it.
/// </summary>
public sealed class BookmarkWriteGate
{
    private readonly Lock _lock = new();

    public T Run<T>(Func<T> write)
    {
        lock (_lock)
        {
            return write();
        }
    }
}
