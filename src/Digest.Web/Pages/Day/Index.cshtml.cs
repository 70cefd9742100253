using Digest.Core.Storage;
using Digest.Web.Caching;
using Digest.Web.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Digest.Web.Pages.Day;

/// <summary>/day/{yyyy-MM-dd} and /day/{yyyy-MM-dd}/{source}: a day's entries per source, in rank order.</summary>
[VersionedByData]
[OutputCache(PolicyName = DigestCachePolicy.Name)]
public sealed class IndexModel(PaperStore store) : PageModel
{
    public DayView View { get; private set; } = null!;

    public IActionResult OnGet(string date, string? source)
    {
        if (!DayRoute.TryParseDate(date, out var day))
        {
            return BadRequest();
        }

        string? slug = null;
        if (source is not null && (slug = Core.Papers.Source.Parse(source)) is null)
        {
            return NotFound();
        }

        if (store.GetDay(day, slug) is not { } digest)
        {
            return NotFound();
        }

        View = new DayView(digest, slug);
        return Page();
    }
}
