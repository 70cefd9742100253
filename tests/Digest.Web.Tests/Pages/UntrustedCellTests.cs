using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Pages;

/// <summary>Cells are untrusted: script, event handlers and javascript: links must come out as text.</summary>
[Collection(SiteCollection.Name)]
public sealed class UntrustedCellTests(DigestSite site)
{
    [Theory]
    [InlineData("/day/2025-10-20")]
    [InlineData("/author/%3Cimg%20src=x%20onerror=%22window.__xss=2;alert(2)%22%3E")]
    public async Task Hostile_cells_render_as_text(string url)
    {
        var page = await site.GetDocumentAsync(url);

        Assert.All(page.QuerySelectorAll("script"), s => Assert.Matches(@"^/js/(site|bookmarks)\.js\?v=", s.GetAttribute("src")));
        Assert.Empty(page.QuerySelectorAll("main img"));
        Assert.Empty(page.QuerySelectorAll("[onerror]"));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(page.QuerySelectorAll("[data-pdf]"), e => e.GetAttribute("data-pdf")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<img src=x onerror=", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_hostile_title_and_abstract_are_shown_verbatim()
    {
        var page = await site.GetDocumentAsync("/day/2025-10-20");

        var entry = page.QuerySelector("#arxiv-1")!;
        Assert.Equal("<script>window.__xss=1;alert(1)</script>恶意标题", entry.QuerySelector(".entry-title a")!.TextContent);
        Assert.StartsWith("[点我](javascript:window.__xss=4;alert(4))", entry.QuerySelector(".abstract-lead")!.TextContent);
    }
}
