using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Pages;

[Collection(SiteCollection.Name)]
public sealed class DayPageTests(DigestSite site)
{
    [Fact]
    public async Task Lists_the_seed_entries_in_rank_order_numbered_with_links_notes_and_abstract_paragraphs()
    {
        var page = await site.GetDocumentAsync("/day/2025-10-22");

        var entries = page.QuerySelectorAll("ol.entries > li.entry").ToList();
        Assert.Equal(10, entries.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString()), entries.Select(e => e.QuerySelector(".rank")!.TextContent));

        var first = entries[0];
        var title = first.QuerySelector(".entry-title a")!;
        Assert.Equal("抓取任意区域：迈向多模态大语言模型的精准上下文像素理解", title.TextContent.Trim());
        Assert.Equal("/paper/2510.18876?from=2025-10-22/arxiv", title.GetAttribute("href"));
        Assert.Equal("http://arxiv.org/pdf/2510.18876v1", first.QuerySelector("a.pdf")!.GetAttribute("href"));
        var author = first.QuerySelector("a.author")!;
        Assert.Equal("Haochen Wang", author.TextContent);
        Assert.Equal("/author/Haochen%20Wang", author.GetAttribute("href"));

        var note = first.QuerySelector("details.note")!;
        Assert.False(note.HasAttribute("open"));
        Assert.Equal("译注", note.QuerySelector("summary")!.TextContent);
        Assert.Contains("Grasp Any Region", note.TextContent);

        var abstractBlock = first.QuerySelector("details.abstract")!;
        Assert.StartsWith("尽管多模态大语言模型", abstractBlock.QuerySelector("summary .abstract-lead")!.TextContent);
        Assert.StartsWith("此外，我们构建了GAR-Bench", abstractBlock.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public async Task Marks_papers_that_appeared_on_other_days()
    {
        var page = await site.GetDocumentAsync("/day/2025-10-22/arxiv");

        var seen = page.QuerySelector("#arxiv-1 .badge-seen")!;
        Assert.Contains("也出现在", seen.TextContent);
        Assert.Equal("/day/2025-10-23/arxiv", seen.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("10-23", seen.QuerySelector("a")!.TextContent);
        Assert.Null(page.QuerySelector("#arxiv-2 .badge-seen"));
    }

    [Fact]
    public async Task Source_tabs_carry_counts_and_the_source_page_shows_only_that_source()
    {
        var page = await site.GetDocumentAsync("/day/2025-10-23/biorxiv");

        var tabs = page.QuerySelectorAll(".source-tabs a").Select(a => (a.TextContent.Trim(), a.GetAttribute("aria-current"))).ToList();
        Assert.Equal([("全部 3", null), ("arXiv 2", null), ("bioRxiv 1", "page")], tabs);
        var entries = page.QuerySelectorAll("li.entry");
        Assert.Single(entries);
        Assert.Equal("/paper/10.1101/2025.10.20.683456?from=2025-10-23/biorxiv", entries[0].QuerySelector(".entry-title a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Previous_and_next_skip_days_without_papers()
    {
        var seed = await site.GetDocumentAsync("/day/2025-10-22");
        Assert.Equal("/day/2025-10-20", seed.QuerySelector(".day-nav a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/day/2025-10-23", seed.QuerySelector(".day-nav a[rel=next]")!.GetAttribute("href"));

        var latest = await site.GetDocumentAsync("/day/2025-10-23/arxiv");
        Assert.Equal("/day/2025-10-22/arxiv", latest.QuerySelector(".day-nav a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(latest.QuerySelector(".day-nav a[rel=next]"));
    }

    [Fact]
    public async Task Shows_an_empty_day_as_the_digest_said_it()
    {
        var page = await site.GetDocumentAsync("/day/2025-10-21");

        Assert.Empty(page.QuerySelectorAll("li.entry"));
        Assert.Equal("当天没有论文", page.QuerySelector("#arxiv .empty")!.TextContent.Trim());
        var failed = page.QuerySelector("#biorxiv .empty-failed")!;
        Assert.StartsWith("该来源当天抓取失败", failed.TextContent.Trim());
        Assert.Contains("timeout", failed.TextContent);
    }

    [Fact]
    public async Task Marks_a_row_without_a_link()
    {
        var page = await site.GetDocumentAsync("/day/2025-10-20");

        var hostile = page.QuerySelector("#arxiv-1")!;
        Assert.Null(hostile.QuerySelector("a.pdf"));
        Assert.Contains("无链接", hostile.QuerySelector(".badge-warn")!.TextContent);
    }

    [Theory]
    [InlineData("/day/2025-13-01", 400)]
    [InlineData("/day/22-10-2025", 400)]
    [InlineData("/day/2025-10-22x", 400)]
    [InlineData("/day/2024-01-01", 404)]
    [InlineData("/day/2025-10-22/chemrxiv", 404)]
    [InlineData("/day/2025-10-22/medrxiv", 404)]
    public async Task Answers_a_malformed_date_with_400_and_an_unknown_day_with_a_friendly_404(string url, int status)
    {
        var page = await site.GetDocumentAsync(url, status);

        Assert.Equal(status.ToString(), page.QuerySelector(".error-code")!.TextContent);
        Assert.Equal(status == 404 ? "找不到这一页" : "这个地址的格式不对", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("header form[role=search]"));
    }
}
