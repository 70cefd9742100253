using System.Net;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Pages;

[Collection(SiteCollection.Name)]
public sealed class DaysPageTests(DigestSite site)
{
    [Fact]
    public async Task Shows_months_as_calendars_with_counts_and_marks_empty_and_failed_days()
    {
        var page = await site.GetDocumentAsync("/days");

        var month = page.QuerySelector("section.month")!;
        Assert.Contains("2025 年 10 月", month.QuerySelector("h2")!.TextContent);
        Assert.Equal(7, month.QuerySelectorAll("thead th").Length);
        var seed = month.QuerySelector("a[href='/day/2025-10-22']")!;
        Assert.Equal("10", seed.QuerySelector(".day-count")!.TextContent);
        Assert.Equal("2025-10-22：10 篇", seed.GetAttribute("aria-label"));
        Assert.Contains("cal-level-2", seed.ParentElement!.ClassList);

        var empty = month.QuerySelector("a[href='/day/2025-10-21']")!;
        Assert.Contains("cal-failed", empty.ParentElement!.ClassList);
        Assert.Equal("2025-10-21：抓取失败", empty.GetAttribute("aria-label"));

        // 2025-10-01 is a Wednesday: the first week starts with two blank cells.
        var firstWeek = month.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td").ToList();
        Assert.Equal(["blank", "blank"], firstWeek.Take(2).Select(td => td.ClassName));
        Assert.Equal("1", firstWeek[2].QuerySelector(".day-number")!.TextContent);
    }

    [Fact]
    public async Task Jumps_to_a_date()
    {
        var page = await site.GetDocumentAsync("/days");
        var form = page.QuerySelector("form.jump")!;
        Assert.Equal("date", form.QuerySelector("input[name=date]")!.GetAttribute("type"));

        using var jump = await site.Client.GetAsync("/days?date=2025-10-22");
        Assert.Equal(HttpStatusCode.Redirect, jump.StatusCode);
        Assert.Equal("/day/2025-10-22", jump.Headers.Location!.OriginalString);

        using var bad = await site.Client.GetAsync("/days?date=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
