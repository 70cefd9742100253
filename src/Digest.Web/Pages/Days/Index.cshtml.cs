using Digest.Core.Storage;
using Digest.Web.Caching;
using Digest.Web.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Digest.Web.Pages.Days;

/// <summary>/days: the archive as month calendars with counts, and a jump to any date (?date=yyyy-MM-dd).</summary>
[VersionedByData]
[OutputCache(PolicyName = DigestCachePolicy.Name)]
public sealed class IndexModel(PaperStore store) : PageModel
{
    public ArchiveCalendar Calendar { get; private set; } = new([]);

    public int DayCount { get; private set; }

    public int PaperCount { get; private set; }

    public string? Latest { get; private set; }

    public string? Earliest { get; private set; }

    public IActionResult OnGet(string? date)
    {
        if (date is not null)
        {
            return DayRoute.TryParseDate(date, out _) ? Redirect(Links.Day(date)) : BadRequest();
        }

        var days = store.GetDays();
        Calendar = ArchiveCalendar.From(days);
        DayCount = days.Count;
        PaperCount = days.Sum(d => d.Count);
        Latest = days.FirstOrDefault()?.Date;
        Earliest = days.LastOrDefault()?.Date;
        return Page();
    }
}
