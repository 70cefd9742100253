using Digest.Core.Stats;
using Digest.Web.Api;
using Digest.Web.Caching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Digest.Web.Pages.Stats;

/// <summary>/stats: papers per day as a server-drawn SVG chart, counts per source, frequent authors, and shares.</summary>
[VersionedByData]
[OutputCache(PolicyName = DigestCachePolicy.Name)]
public sealed class IndexModel(StatsQuery query) : PageModel
{
    public StatsReport Report { get; private set; } = null!;

    /// <summary>The chart's markup: SvgChart writes it with XmlWriter, so every text in it is escaped.</summary>
    public string Chart { get; private set; } = "";

    public void OnGet()
    {
        Report = query.Get(StatsEndpoints.TopAuthors);
        Chart = SvgChart.PapersPerDay(Report.PerDay);
    }

    /// <summary>"12.5%".</summary>
    public static string Percent(double share) => share.ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture);
}
