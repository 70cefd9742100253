using Digest.Core.Bookmarks;
using Digest.Core.Storage;
using Digest.Web.Bookmarks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Bookmarks;

/// <summary>
/// POST /bookmarks/toggle (kind, target, returnUrl): the star. A plain form gets 303 back to returnUrl (local
/// only, with the star's fragment); the script asks for JSON. The token is checked here rather than by the
/// framework so that a token-less POST (a star on a shared, cached page, without JavaScript) can answer 400
/// with a page that asks to confirm, through a form that carries a token. Nothing changes without one.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ToggleModel(BookmarkStore store, BookmarkWriteGate gate, IAntiforgery antiforgery) : PageModel
{
    public const string LimitMessage = "最多收藏 10,000 项。请先在「收藏」页删除一些，再收藏新的。";

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Target { get; set; }

    [BindProperty]
    public string? ReturnUrl { get; set; }

    public BookmarkTarget? Asked { get; private set; }

    public string? Message { get; private set; }

    public bool NeedsConfirmation { get; private set; }

    public IActionResult OnGet() => new SeeOther("/bookmarks");

    public async Task<IActionResult> OnPostAsync()
    {
        Asked = BookmarkTarget.TryParse(Kind, Target);
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            NeedsConfirmation = Asked is not null;
            return Answer(StatusCodes.Status400BadRequest, "请求缺少有效的防伪令牌，未做任何更改。");
        }

        if (Asked is null)
        {
            return Answer(StatusCodes.Status400BadRequest, "无法识别要收藏的对象。");
        }

        var existing = ReaderCookie.Read(Request);
        var reader = existing ?? ReaderId.Create();
        var outcome = gate.Run(() => store.Toggle(reader.Hash, Asked));
        switch (outcome)
        {
            case BookmarkOutcome.UnknownTarget:
                return Answer(StatusCodes.Status404NotFound, "没有这一天或这篇论文，未收藏。");
            case BookmarkOutcome.LimitReached:
                return Answer(StatusCodes.Status409Conflict, LimitMessage);
        }

        if (existing is not null || outcome == BookmarkOutcome.Added)
        {
            ReaderCookie.Write(HttpContext, reader);
        }

        var starred = outcome.IsBookmarked();
        if (ReaderCookie.WantsJson(Request))
        {
            Response.Headers.CacheControl = "no-store";
            return new JsonResult(new { bookmarked = starred, kind = Asked.Kind.Name(), target = Asked.Target, label = StarTargets.Label(Asked, starred) });
        }

        return SeeOther.Local(Url, ReturnUrl, "/bookmarks");
    }

    private IActionResult Answer(int status, string message)
    {
        Message = message;
        Response.StatusCode = status;
        Response.Headers.CacheControl = "no-store";
        if (ReaderCookie.WantsJson(Request))
        {
            return new JsonResult(new { error = message }) { StatusCode = status };
        }

        return Page();
    }
}
