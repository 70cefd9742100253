using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Pages;

[Collection(SiteCollection.Name)]
public sealed class AuthorPageTests(DigestSite site)
{
    [Fact]
    public async Task Lists_the_authors_papers_newest_first_with_counts()
    {
        var page = await site.GetDocumentAsync("/author/Haochen%20Wang");

        Assert.Equal("Haochen Wang", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("共 2 篇论文，在摘要中出现 3 次。", page.QuerySelector(".lead")!.TextContent);
        var papers = page.QuerySelectorAll(".paper-list li").ToList();
        Assert.Equal(["/paper/2510.18876", "/paper/2510.20001"], papers.Select(li => li.QuerySelector("h2 a")!.GetAttribute("href")));
        Assert.Contains("出现 2 次", papers[0].QuerySelector(".badge-seen")!.TextContent);
        Assert.Contains("2025-10-23", papers[0].QuerySelector(".meta a")!.TextContent);
    }

    [Fact]
    public async Task Finds_an_author_ignoring_case_and_answers_an_unknown_one_with_404()
    {
        var page = await site.GetDocumentAsync("/author/haochen%20wang");
        Assert.Equal("Haochen Wang", page.QuerySelector("h1")!.TextContent);

        await site.GetDocumentAsync("/author/Nobody%20Here", 404);
    }
}
