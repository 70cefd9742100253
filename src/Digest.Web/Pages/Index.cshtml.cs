using Digest.Core.Storage;
using Digest.Core.Storage.Reading;
using Digest.Web.Api;
using Digest.Web.Caching;
using Digest.Web.Pages.Day;
using Digest.Web.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Digest.Web.Pages;

/// <summary>/: the latest day's digest up front, then the recent days with their counts per source.</summary>
[VersionedByData]
[OutputCache(PolicyName = DigestCachePolicy.Name)]
public sealed class IndexModel(PaperStore store) : PageModel
{
    public DayView? Latest { get; private set; }

    public IReadOnlyList<DaySummary> Recent { get; private set; } = [];

    public void OnGet()
    {
        var latest = store.LatestDate();
        if (latest is not null && DayRoute.TryParseDate(latest, out var date) && store.GetDay(date) is { } day)
        {
            Latest = new DayView(day, null);
        }

        Recent = store.GetDays(DigestApi.RecentDays);
    }
}
