using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Stats;

[Collection(SiteCollection.Name)]
public sealed class StatsPageTests(DigestSite site)
{
    [Fact]
    public async Task The_stats_page_draws_papers_per_day_and_lists_sources_authors_and_shares()
    {
        var page = await site.GetDocumentAsync("/stats");

        Assert.Equal("/stats", page.QuerySelector(".site-nav a[href='/stats']")?.GetAttribute("href"));
        Assert.Equal("统计", page.QuerySelector(".site-nav a[href='/stats']")?.TextContent);
        var chart = page.QuerySelector("figure.stats-chart svg");
        Assert.NotNull(chart);
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal(4, chart.QuerySelectorAll("rect.bar").Length); // 10-20, 10-21, 10-22, 10-23
        Assert.Empty(page.QuerySelectorAll("[style], style, script:not([src])"));
        var sources = page.QuerySelectorAll(".stats-table tbody th").Select(th => th.TextContent).ToList();
        Assert.Equal(["arXiv", "bioRxiv"], sources);
        Assert.Equal("/author/Haochen%20Wang", page.QuerySelectorAll(".stats-authors a").First().GetAttribute("href"));
        Assert.Equal(2, page.QuerySelectorAll(".stats-shares .share").Length);
    }

    [Fact]
    public async Task The_json_twin_has_the_same_numbers()
    {
        var stats = await site.GetJsonAsync("/api/stats");

        Assert.Equal("Haochen Wang", stats.GetProperty("top_authors")[0].GetProperty("name").GetString());
        Assert.Equal(2, stats.GetProperty("top_authors")[0].GetProperty("papers").GetInt32());
        var perSource = stats.GetProperty("per_source").EnumerateArray().ToDictionary(s => s.GetProperty("source").GetString()!, s => s.GetProperty("entries").GetInt32());
        Assert.Equal(2 + 10 + 2, perSource["arxiv"]);
        Assert.Equal(1, perSource["biorxiv"]);
        Assert.Equal(stats.GetProperty("entries").GetInt32(), perSource.Values.Sum());
        Assert.InRange(stats.GetProperty("title_note_share").GetDouble(), 0.0001, 1);
    }
}
