using Digest.Core.Bookmarks;
using Digest.Core.Storage;
using Digest.Web.Bookmarks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Bookmarks;

/// <summary>POST /bookmarks/remove (kind, target, returnUrl): removes one of the cookie reader's bookmarks; 303 back.</summary>
public sealed class RemoveModel(BookmarkStore store, BookmarkWriteGate gate) : PageModel
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Target { get; set; }

    [BindProperty]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => new SeeOther("/bookmarks");

    public IActionResult OnPost()
    {
        if (BookmarkTarget.TryParse(Kind, Target) is not { } target)
        {
            return BadRequest();
        }

        var removed = ReaderCookie.Read(Request) is { } reader && gate.Run(() => store.Remove(reader.Hash, target)) == BookmarkOutcome.Removed;
        if (ReaderCookie.WantsJson(Request))
        {
            Response.Headers.CacheControl = "no-store";
            return new JsonResult(new { removed });
        }

        return SeeOther.Local(Url, ReturnUrl, "/bookmarks");
    }
}
