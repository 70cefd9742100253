using Digest.Core.Bookmarks;
using Digest.Core.Storage;
using Digest.Web.Bookmarks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Bookmarks;

/// <summary>/bookmarks: the cookie reader's days and papers, newest first, with export, import and transfer.</summary>
public sealed class IndexModel(BookmarkStore store) : PageModel
{
    public BookmarkList List { get; private set; } = BookmarkList.Empty;

    public void OnGet()
    {
        Response.Headers.CacheControl = "no-store";
        List = store.List(ReaderCookie.Read(Request)?.Hash);
    }

    public static string SourceCounts(BookmarkedDay day) =>
        string.Join(" · ", day.Sources.Select(s => $"{Digest.Core.Papers.Source.DisplayName(s.Source)} {(s.State == "fetch_failed" ? "抓取失败" : s.Papers + " 篇")}"));
}
