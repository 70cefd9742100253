using System.Globalization;
using Digest.Core.Bookmarks;
using Digest.Core.Storage;
using Digest.Web.Bookmarks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Bookmarks;

/// <summary>
/// POST /bookmarks/transfer makes a one-time code for the cookie's reader. GET /bookmarks/transfer/{code} only
/// shows a confirm form (a link previewer must not use the code up); POST /bookmarks/transfer/{code} redeems it,
/// copying the maker's bookmarks into this browser's reader.
/// </summary>
public sealed class TransferModel(BookmarkStore store, TransferCodes codes, BookmarkWriteGate gate) : PageModel
{
    public string? Code { get; private set; }

    public TransferCodeIssue? Issued { get; private set; }

    public TransferRedemption? Redeemed { get; private set; }

    public string? Error { get; private set; }

    public string Link => $"{Request.Scheme}://{Request.Host}/bookmarks/transfer/{Issued?.Code}";

    public IActionResult OnGet(string? code)
    {
        if (code is null)
        {
            return new SeeOther("/bookmarks#transfer");
        }

        Code = code;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public IActionResult OnPost(string? code)
    {
        Response.Headers.CacheControl = "no-store";
        return code is null ? Create() : Redeem(code);
    }

    public static string Clock(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private IActionResult Create()
    {
        var reader = ReaderCookie.Read(Request)?.Hash;
        if (reader is null || store.Count(reader) == 0)
        {
            return Fail(StatusCodes.Status400BadRequest, "还没有收藏，无需转移。");
        }

        Issued = gate.Run(() => codes.Create(reader));
        if (Issued.Status == TransferCodeIssueStatus.RateLimited)
        {
            SetRetryAfter(Issued.ExpiresAt);
            return Fail(StatusCodes.Status429TooManyRequests, $"一小时内最多生成 {TransferRateLimits.CreationsPerHour} 个转移码，请在 {Clock(Issued.ExpiresAt)} 之后再试。");
        }

        return Page();
    }

    private IActionResult Redeem(string code)
    {
        Code = code;
        var existing = ReaderCookie.Read(Request);
        var id = existing ?? ReaderId.Create();
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        Redeemed = gate.Run(() => codes.Redeem(code, id.Hash, client));
        switch (Redeemed.Status)
        {
            case TransferRedemptionStatus.Invalid:
                return Fail(StatusCodes.Status400BadRequest, "转移码无效，或已经用过。");
            case TransferRedemptionStatus.Expired:
                return Fail(StatusCodes.Status410Gone, "转移码已过期（15 分钟有效），请重新生成。");
            case TransferRedemptionStatus.RateLimited:
                return Fail(StatusCodes.Status429TooManyRequests, "失败次数太多，请 15 分钟后再试。");
        }

        if (existing is not null || Redeemed.Added > 0)
        {
            ReaderCookie.Write(HttpContext, id);
        }

        return Page();
    }

    private IActionResult Fail(int status, string message)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    private void SetRetryAfter(DateTimeOffset at)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((at - DateTimeOffset.UtcNow).TotalSeconds));
        Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
    }
}
