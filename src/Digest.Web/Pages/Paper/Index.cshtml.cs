using Digest.Core.Storage;
using Digest.Core.Storage.Reading;
using Digest.Web.Caching;
using Digest.Web.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Digest.Web.Pages.Paper;

/// <summary>
/// /paper/{key}: one paper, its translation and links, every day it appeared on, and its neighbours in the
/// digest it was opened from (?from=yyyy-MM-dd/source; else its newest appearance).
/// </summary>
[VersionedByData]
[OutputCache(PolicyName = DigestCachePolicy.Name)]
public sealed class IndexModel(PaperStore store) : PageModel
{
    public PaperDetail Paper { get; private set; } = null!;

    public Neighbours? Neighbours { get; private set; }

    public string? PdfUrl => CellText.SafeUrl(Paper.PdfUrl);

    public string? AbsUrl => CellText.SafeUrl(Paper.AbsUrl);

    public string? CodeUrl => CellText.SafeUrl(Paper.CodeUrl);

    public IActionResult OnGet(string key, string? from)
    {
        var canonical = RequestedPaperKey.Canonical(key ?? "");
        if (store.GetPaper(canonical) is not { } paper)
        {
            return NotFound();
        }

        if (!string.Equals(paper.Key, key, StringComparison.Ordinal))
        {
            return RedirectPermanent(Links.Paper(paper.Key) + QueryString);
        }

        Paper = paper;
        if (DayRoute.TryParseFrom(from, out var date, out var source))
        {
            Neighbours = store.GetNeighbours(paper.Key, date, source);
        }

        if (Neighbours is null && paper.Appearances.Count > 0)
        {
            var newest = paper.Appearances[0];
            Neighbours = store.GetNeighbours(paper.Key, newest.Date, newest.Source);
        }

        return Page();
    }

    public string NeighbourUrl(NeighbourEntry entry) =>
        Links.Paper(entry.Key, Neighbours!.Here.Date, Neighbours.Here.Source);

    private string QueryString => Request.QueryString.HasValue ? Request.QueryString.Value! : "";
}
