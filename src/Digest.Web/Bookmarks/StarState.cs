using Digest.Core.Bookmarks;
using Digest.Core.Storage;

namespace Digest.Web.Bookmarks;

/// <summary>
/// The current reader's stars for one request. A page filter prefetches all the targets a page shows in one
/// query; a target it did not foresee costs one primary-key lookup. Without a reader cookie nothing is starred
/// and the page can be shared.
/// </summary>
public sealed class StarState(BookmarkStore store, IHttpContextAccessor accessor)
{
    private readonly HashSet<BookmarkTarget> _asked = [];
    private readonly HashSet<BookmarkTarget> _starred = [];
    private ReaderHash? _reader;
    private bool _readerRead;

    public ReaderHash? Reader
    {
        get
        {
            if (!_readerRead)
            {
                _reader = accessor.HttpContext is { } context ? ReaderCookie.Read(context.Request)?.Hash : null;
                _readerRead = true;
            }

            return _reader;
        }
    }

    /// <summary>Whether this response is for one reader: it may carry their stars and antiforgery tokens.</summary>
    public bool Personal => accessor.HttpContext is { } context && ReaderCookie.IsPersonal(context.Request);

    public void Prefetch(IEnumerable<BookmarkTarget> targets)
    {
        if (Reader is null)
        {
            return;
        }

        var fresh = targets.Where(t => !_asked.Contains(t)).ToList();
        _starred.UnionWith(store.WhichAreBookmarked(Reader, fresh));
        _asked.UnionWith(fresh);
    }

    public bool IsStarred(BookmarkTarget target)
    {
        if (Reader is null)
        {
            return false;
        }

        if (!_asked.Contains(target))
        {
            Prefetch([target]);
        }

        return _starred.Contains(target);
    }
}
