using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Feeds;

[Collection(SiteCollection.Name)]
public sealed class FeedTests(DigestSite site)
{
    [Fact]
    public async Task The_feed_has_an_entry_per_paper_of_the_newest_days_with_title_summary_authors_and_pdf_enclosure()
    {
        var feed = await GetFeedAsync("/feed");

        var items = feed.Items.ToList();
        Assert.Equal(2 + 1 + 10 + 2, items.Count); // 10-23 arXiv and bioRxiv, 10-22 arXiv, 10-20 arXiv
        var grasp = items.Single(i => i.Id == "urn:digest:2025-10-23:arxiv:2510.18876");
        Assert.Equal("抓取任意区域：迈向多模态大语言模型的精准上下文像素理解", grasp.Title.Text);
        Assert.Contains("第一段摘要：区域级理解。", grasp.Summary.Text, StringComparison.Ordinal);
        Assert.Equal("Haochen Wang", Assert.Single(grasp.Authors).Name);
        var enclosure = Assert.Single(grasp.Links, l => l.RelationshipType == "enclosure");
        Assert.Equal("http://arxiv.org/pdf/2510.18876v2", enclosure.Uri.ToString());
        Assert.Equal("application/pdf", enclosure.MediaType);
        Assert.EndsWith("/paper/2510.18876?from=2025-10-23/arxiv", Assert.Single(grasp.Links, l => l.RelationshipType == "alternate").Uri.ToString(), StringComparison.Ordinal);
        Assert.Contains(items, i => i.Id == "urn:digest:2025-10-22:arxiv:2510.18876");
        Assert.Equal(new DateTimeOffset(2025, 10, 23, 0, 0, 0, TimeSpan.Zero), feed.LastUpdatedTime);
    }

    [Fact]
    public async Task Entry_ids_are_the_same_in_every_fetch()
    {
        var first = await GetFeedAsync("/feed");
        var second = await GetFeedAsync("/feed?uncached=1");

        Assert.Equal(first.Items.Select(i => i.Id), second.Items.Select(i => i.Id));
        Assert.Equal(first.Items.Count(), first.Items.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_source_feed_holds_only_that_source()
    {
        var feed = await GetFeedAsync("/feed/biorxiv");

        var item = Assert.Single(feed.Items);
        Assert.Equal("urn:digest:2025-10-23:biorxiv:" + TestDigests.DoiKey, item.Id);
        Assert.Equal("单细胞图谱揭示小鼠海马体发育", item.Title.Text);
    }

    [Fact]
    public async Task An_unknown_source_feed_is_a_problem_404()
    {
        using var response = await site.Client.GetAsync("/feed/nowhere");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/feed", false)]
    [InlineData("/feed/arxiv", false)]
    [InlineData("/feed", true)]
    public async Task If_none_match_gets_304(string url, bool freshUrl)
    {
        using var first = await site.Client.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        // The same URL is answered from the output cache; a fresh one by the endpoint's own check.
        using var request = new HttpRequestMessage(HttpMethod.Get, freshUrl ? url + "?n=" + Guid.NewGuid().ToString("n") : url);
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await site.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("/feed/arxiv", false)]
    [InlineData("/feed/arxiv", true)]
    public async Task If_modified_since_gets_304_and_an_older_date_gets_the_feed(string url, bool freshUrl)
    {
        using var first = await site.Client.GetAsync(url);
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(lastModified);

        var asked = freshUrl ? url + "?n=" + Guid.NewGuid().ToString("n") : url;
        using var notModified = await SendAsync(asked, lastModified.Value);
        using var modified = await SendAsync(asked, lastModified.Value.AddDays(-1));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string url, DateTimeOffset since)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfModifiedSince = since;
        return await site.Client.SendAsync(request);
    }

    private async Task<SyndicationFeed> GetFeedAsync(string url)
    {
        using var response = await site.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }
}
