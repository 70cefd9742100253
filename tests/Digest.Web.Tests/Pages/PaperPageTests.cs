using System.Net;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Pages;

[Collection(SiteCollection.Name)]
public sealed class PaperPageTests(DigestSite site)
{
    [Fact]
    public async Task Shows_title_note_authors_links_abstract_version_and_every_day()
    {
        var page = await site.GetDocumentAsync("/paper/2510.18874");

        Assert.Equal("实践固知：策略内数据在缓解遗忘中的作用", page.QuerySelector("h1#paper-title")!.TextContent);
        Assert.Contains("Retaining by Doing", page.QuerySelector("details.note")!.TextContent);
        Assert.Equal("/author/Howard%20Chen", page.QuerySelector(".authors a.author")!.GetAttribute("href"));
        var actions = page.QuerySelectorAll(".paper-actions a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Contains(("PDF", "http://arxiv.org/pdf/2510.18874v1"), actions);
        Assert.Contains(("arXiv 摘要页", "https://arxiv.org/abs/2510.18874"), actions);
        Assert.StartsWith("通过后训练使语言模型适应新任务时", page.QuerySelector(".paper-abstract p")!.TextContent);
        Assert.Contains("版本 v1", page.QuerySelector(".paper-meta")!.TextContent);
        Assert.Equal(["2025-10-22 · arXiv #2"], page.QuerySelectorAll(".appearances a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Lists_every_day_a_repeated_paper_appeared_on_with_its_newest_version()
    {
        var page = await site.GetDocumentAsync("/paper/2510.18876");

        Assert.Equal(["2025-10-23 · arXiv #1", "2025-10-22 · arXiv #1"], page.QuerySelectorAll(".appearances a").Select(a => a.TextContent));
        Assert.Contains("版本 v2", page.QuerySelector(".paper-meta")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll(".paper-abstract p").Length);
    }

    [Fact]
    public async Task Moves_to_the_previous_and_next_paper_of_the_day_it_was_opened_from()
    {
        var page = await site.GetDocumentAsync("/paper/2510.18876?from=2025-10-22/arxiv");

        Assert.Equal(["2025-10-22", "arXiv", "#1"], page.QuerySelectorAll(".breadcrumb a").Select(a => a.TextContent));
        Assert.Null(page.QuerySelector(".neighbours a[rel=prev]"));
        Assert.Equal("/paper/2510.18874?from=2025-10-22/arxiv", page.QuerySelector(".neighbours a[rel=next]")!.GetAttribute("href"));

        var other = await site.GetDocumentAsync("/paper/2510.18876?from=2025-10-23/arxiv");
        Assert.Equal("/paper/2510.20001?from=2025-10-23/arxiv", other.QuerySelector(".neighbours a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Serves_a_doi_key_with_its_slash()
    {
        var page = await site.GetDocumentAsync("/paper/" + TestDigests.DoiKey);

        Assert.Equal("单细胞图谱揭示小鼠海马体发育", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(page.QuerySelectorAll(".paper-actions a"), a => a.GetAttribute("href") == "https://doi.org/10.1101/2025.10.20.683456");
    }

    [Fact]
    public async Task Redirects_a_versioned_or_upper_case_key_to_the_permanent_url()
    {
        using var response = await site.Client.GetAsync("/paper/2510.18876v1?from=2025-10-22/arxiv");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/paper/2510.18876?from=2025-10-22/arxiv", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Answers_an_unknown_paper_with_a_friendly_404()
    {
        var page = await site.GetDocumentAsync("/paper/9999.99999", 404);
        Assert.Equal("找不到这一页", page.QuerySelector("h1")!.TextContent);
    }
}
