using Digest.Core.Bookmarks;
using Digest.Core.Storage;
using Digest.Web.Bookmarks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Bookmarks;

/// <summary>POST /bookmarks/import (file or text): merges an exported JSON document into the cookie's reader.</summary>
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes, ValueLengthLimit = MaxBytes)]
public sealed class ImportModel(BookmarkStore store, BookmarkWriteGate gate) : PageModel
{
    private const int MaxBytes = 6 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public BookmarkImportReport? Report { get; private set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => new SeeOther("/bookmarks#import");

    public async Task<IActionResult> OnPostAsync()
    {
        var text = Text;
        if (Upload is { Length: > 0 })
        {
            using var reader = new StreamReader(Upload.OpenReadStream());
            text = await reader.ReadToEndAsync(HttpContext.RequestAborted);
        }

        var existing = ReaderCookie.Read(Request);
        var id = existing ?? ReaderId.Create();
        try
        {
            Report = gate.Run(() => store.ImportJson(id.Hash, text ?? ""));
        }
        catch (BookmarkImportException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (existing is not null || Report.Added > 0)
        {
            ReaderCookie.Write(HttpContext, id);
        }

        return Page();
    }
}
