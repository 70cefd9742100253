using System.Globalization;
using System.Text;
using System.Xml;
using Digest.Web.Caching;
using Digest.Web.Rendering;

namespace Digest.Web.Api;

/// <summary>
/// What lets browsers and crawlers find Digest: <c>/opensearch.xml</c> (add Digest as a search engine),
/// <c>/robots.txt</c> and <c>/sitemap.xml</c>, which lists days and papers as it reads them. Over 50,000 URLs,
/// <c>/sitemap.xml</c> becomes a sitemap index of <c>/sitemap/{n}.xml</c> files.
/// </summary>
public static class DiscoveryEndpoints
{
    public const string OpenSearchContentType = "application/opensearchdescription+xml; charset=utf-8";
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string OpenSearchNamespace = "http://a9.com/-/spec/opensearch/1.1/";

    public static IEndpointRouteBuilder MapDigestDiscovery(this IEndpointRouteBuilder endpoints)
    {
        var discovery = endpoints.MapGroup("").WithMetadata(new VersionedByDataAttribute()).CacheOutput(DigestCachePolicy.Name);
        discovery.MapGet("/opensearch.xml", OpenSearch);
        discovery.MapGet("/robots.txt", Robots);
        discovery.MapGet("/sitemap.xml", (HttpContext context, SitemapQuery query, CancellationToken ct) =>
            query.Count() > SitemapQuery.PageSize ? SitemapIndex(context, query.Count(), ct) : Sitemap(context, query, 0, ct));
        discovery.MapGet("/sitemap/{page:int}.xml", (HttpContext context, int page, SitemapQuery query, CancellationToken ct) =>
            page < 0 || (long)page * SitemapQuery.PageSize >= Math.Max(1, query.Count())
                ? Task.FromResult(Results.Problem(statusCode: 404, title: "没有这一页站点地图", detail: $"sitemap page {page} is past the end"))
                : Sitemap(context, query, page, ct));
        return endpoints;
    }

    private static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static IResult OpenSearch(HttpContext context)
    {
        var origin = Origin(context);
        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("OpenSearchDescription", OpenSearchNamespace);
            xml.WriteElementString("ShortName", OpenSearchNamespace, "Digest");
            xml.WriteElementString("Description", OpenSearchNamespace, "搜索 arXiv、bioRxiv、medRxiv 每日论文的中文摘要");
            xml.WriteElementString("InputEncoding", OpenSearchNamespace, "UTF-8");
            xml.WriteElementString("Language", OpenSearchNamespace, "zh-CN");
            SearchUrl(xml, "text/html", origin + "/search?q={searchTerms}");
            SearchUrl(xml, "application/atom+xml", origin + "/search/feed?q={searchTerms}");
            SearchUrl(xml, "application/json", origin + "/api/search?q={searchTerms}");
            xml.WriteStartElement("Url", OpenSearchNamespace);
            xml.WriteAttributeString("type", "application/opensearchdescription+xml");
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("template", origin + "/opensearch.xml");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return Results.Bytes(output.ToArray(), OpenSearchContentType);
    }

    private static void SearchUrl(XmlWriter xml, string type, string template)
    {
        xml.WriteStartElement("Url", OpenSearchNamespace);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("method", "get");
        xml.WriteAttributeString("template", template);
        xml.WriteEndElement();
    }

    /// <summary>Everything may be crawled but the API and the search result pages, which are endless.</summary>
    private static IResult Robots(HttpContext context) => Results.Text($"""
        User-agent: *
        Allow: /
        Disallow: /api/
        Disallow: /search
        Disallow: /bookmarks

        Sitemap: {Origin(context)}/sitemap.xml

        """.Replace("\r\n", "\n", StringComparison.Ordinal), "text/plain; charset=utf-8", Encoding.UTF8);

    private static async Task<IResult> Sitemap(HttpContext context, SitemapQuery query, int page, CancellationToken ct)
    {
        var origin = Origin(context);
        context.Response.ContentType = "application/xml; charset=utf-8";
        await using var xml = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "urlset", SitemapNamespace);
        var written = 0;
        foreach (var url in query.Page(page))
        {
            await xml.WriteStartElementAsync(null, "url", SitemapNamespace);
            await xml.WriteElementStringAsync(null, "loc", SitemapNamespace, origin + (url.IsDay ? Links.Day(url.Value) : Links.Paper(url.Value)));
            await xml.WriteElementStringAsync(null, "lastmod", SitemapNamespace, url.LastSeen);
            await xml.WriteEndElementAsync();
            if (++written % 1000 == 0)
            {
                await xml.FlushAsync();
                ct.ThrowIfCancellationRequested();
            }
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
        return Results.Empty;
    }

    private static async Task<IResult> SitemapIndex(HttpContext context, int count, CancellationToken ct)
    {
        var origin = Origin(context);
        context.Response.ContentType = "application/xml; charset=utf-8";
        await using var xml = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "sitemapindex", SitemapNamespace);
        for (var page = 0; (long)page * SitemapQuery.PageSize < count; page++)
        {
            await xml.WriteStartElementAsync(null, "sitemap", SitemapNamespace);
            await xml.WriteElementStringAsync(null, "loc", SitemapNamespace, $"{origin}/sitemap/{page.ToString(CultureInfo.InvariantCulture)}.xml");
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
        ct.ThrowIfCancellationRequested();
        return Results.Empty;
    }
}
