using System.Net;
using System.Xml.Linq;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Discovery;

[Collection(SiteCollection.Name)]
public sealed class DiscoveryTests(DigestSite site)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";

    [Fact]
    public async Task Every_page_links_the_search_description_and_the_feeds()
    {
        foreach (var url in new[] { "/", "/days", "/day/2025-10-22", "/paper/2510.18876", "/stats" })
        {
            var page = await site.GetDocumentAsync(url);

            Assert.Equal("/opensearch.xml", page.QuerySelector("link[rel=search][type='application/opensearchdescription+xml']")?.GetAttribute("href"));
            var feeds = page.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")).ToList();
            Assert.Contains("/feed", feeds);
            Assert.Contains("/feed/arxiv", feeds);
        }
    }

    [Fact]
    public async Task The_opensearch_description_points_at_the_search_page()
    {
        using var response = await site.Client.GetAsync("/opensearch.xml");

        Assert.Equal("application/opensearchdescription+xml", response.Content.Headers.ContentType?.MediaType);
        var description = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(OpenSearch + "OpenSearchDescription", description.Name);
        Assert.Equal("Digest", description.Element(OpenSearch + "ShortName")?.Value);
        var html = description.Elements(OpenSearch + "Url").Single(u => (string?)u.Attribute("type") == "text/html");
        Assert.Equal(new Uri(site.BaseAddress, "/search?q={searchTerms}").ToString(), (string?)html.Attribute("template"));
    }

    [Fact]
    public async Task The_sitemap_lists_every_day_and_paper()
    {
        using var response = await site.Client.GetAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var urls = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(Sitemap + "url").ToList();
        var locations = urls.Select(u => new Uri(u.Element(Sitemap + "loc")!.Value).PathAndQuery).ToList();
        Assert.Equal(["/day/2025-10-23", "/day/2025-10-22", "/day/2025-10-21", "/day/2025-10-20"], locations.Where(l => l.StartsWith("/day/", StringComparison.Ordinal)));
        Assert.Contains("/paper/2510.18876", locations);
        Assert.Contains("/paper/" + TestDigests.DoiKey, locations);
        Assert.Equal(locations.Count, locations.Distinct().Count());
        var status = await site.GetJsonAsync("/healthz");
        Assert.Equal(4 + status.GetProperty("database").GetProperty("papers").GetInt32(), locations.Count);
        Assert.All(urls, u => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", u.Element(Sitemap + "lastmod")!.Value));
    }

    [Fact]
    public async Task Robots_allow_crawling_and_point_at_the_sitemap()
    {
        var robots = await site.Client.GetStringAsync("/robots.txt");

        Assert.Contains("Allow: /\n", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /api/\n", robots, StringComparison.Ordinal);
        Assert.Contains($"Sitemap: {new Uri(site.BaseAddress, "/sitemap.xml")}", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sitemap_page_past_the_end_is_a_problem_404()
    {
        using var response = await site.Client.GetAsync("/sitemap/7.xml");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_json_api()
    {
        var document = await site.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/days", paths);
        Assert.Contains("/api/stats", paths);
        Assert.Contains(paths, p => p.StartsWith("/api/day/{date}", StringComparison.Ordinal));
    }
}
