using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Pages;

[Collection(SiteCollection.Name)]
public sealed class IndexPageTests(DigestSite site)
{
    [Fact]
    public async Task Shows_the_latest_day_up_front_then_recent_days_with_counts_per_source()
    {
        var page = await site.GetDocumentAsync("/");

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith(TestDigests.LatestDate, page.QuerySelector("#day-title")!.TextContent.Trim());
        var titles = page.QuerySelectorAll(".entry-title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(3, titles.Count);
        Assert.Contains("第二篇测试论文：长上下文检索", titles);

        var recent = page.QuerySelectorAll(".recent .day-list li").ToList();
        Assert.Equal([TestDigests.LatestDate, TestDigests.SeedDate, TestDigests.EmptyDate, TestDigests.HostileDate],
            recent.Select(li => li.QuerySelector(".day-link")!.TextContent.Trim()[..10]));
        var seedDay = recent[1];
        Assert.Equal("arXiv 10", seedDay.QuerySelector(".source-count")!.TextContent.Trim());
        var latestCounts = recent[0].QuerySelectorAll(".source-count").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["arXiv 2", "bioRxiv 1"], latestCounts);
        Assert.Contains("抓取失败", recent[2].TextContent);
    }

    [Fact]
    public async Task Every_page_has_the_search_box_submitting_a_get_to_search()
    {
        var page = await site.GetDocumentAsync("/days");

        var form = page.QuerySelector("header form[role=search]")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("q", form.QuerySelector("input#search-box")!.GetAttribute("name"));
        Assert.NotNull(page.QuerySelector("label[for=search-box]"));
    }

    [Fact]
    public async Task Uses_only_its_own_css_and_js_and_no_inline_script_or_style()
    {
        var page = await site.GetDocumentAsync("/");

        Assert.All(page.QuerySelectorAll("script"), s => Assert.StartsWith("/js/", s.GetAttribute("src")));
        Assert.All(page.QuerySelectorAll("link[rel=stylesheet]"), l => Assert.StartsWith("/css/", l.GetAttribute("href")));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        using var css = await site.Client.GetAsync(page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.True(css.IsSuccessStatusCode);
        Assert.Contains("prefers-color-scheme: dark", await css.Content.ReadAsStringAsync());
    }
}
