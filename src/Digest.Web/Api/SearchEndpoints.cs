using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json.Serialization;
using System.Xml;
using Digest.Core.Search;
using Digest.Core.Storage;
using Digest.Web.Pages.Search;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Web.Api;

/// <summary>
/// <c>/api/search</c> (the JSON twin of <c>/search</c>) and <c>/search/feed</c> (an Atom feed of the newest matches).
/// Queries the reader can fix give 400 with a zh-CN ProblemDetails; a search past its time limit gives 503.
/// </summary>
public static class SearchEndpoints
{
    /// <summary>Registers <see cref="SearchService"/> (and a <see cref="Database"/> from <c>Digest:DatabasePath</c> if none is).</summary>
    public static IServiceCollection AddDigestSearch(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var seconds = sp.GetRequiredService<IConfiguration>().GetValue<double?>("Digest:SearchTimeLimitSeconds") ?? 2;
            return new SearchService(sp.GetRequiredService<Database>(), TimeSpan.FromSeconds(seconds));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/search", ApiSearch);
        endpoints.MapGet("/search/feed", Feed);
        return endpoints;
    }

    /// <summary>The URL of a paper's page.</summary>
    public static string PaperUrl(string key) => "/paper/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString));

    private static IResult ApiSearch(HttpContext context, SearchService search, CancellationToken cancellationToken)
    {
        var parameters = SearchParameters.Read(context.Request.Query);
        if (parameters.IsEmpty)
        {
            return Problem(400, "请输入搜索词", "用 q=关键词 或 author=作者名 搜索，例如 /api/search?q=遗忘。");
        }

        return Run(() =>
        {
            var results = search.Search(parameters.ToRequest(), cancellationToken);
            return Results.Json(new ApiResults(results.Total, results.TotalCapped, results.Page, results.PageSize, results.Hits.Select(ApiResult.From).ToList()));
        });
    }

    private static IResult Feed(HttpContext context, SearchService search, CancellationToken cancellationToken)
    {
        var parameters = SearchParameters.Read(context.Request.Query);
        if (parameters.IsEmpty)
        {
            return Problem(400, "请输入搜索词", "订阅一个搜索：/search/feed?q=关键词。");
        }

        return Run(() =>
        {
            var results = search.Search(parameters.ToRequest(50) with { Sort = SearchSort.Newest, Page = 1 }, cancellationToken);
            var origin = $"{context.Request.Scheme}://{context.Request.Host}";
            var title = XmlText.Safe($"Digest 搜索：{results.Query}");
            var feed = new SyndicationFeed(title, "每日论文摘要中与这个搜索匹配的最新论文", new Uri(origin + "/search" + parameters.With("page", null)))
            {
                Id = origin + "/search/feed" + parameters.With("page", null),
                LastUpdatedTime = results.Hits.Count > 0 ? DateTimeOffset.Parse(results.Hits[0].Date + "T00:00:00Z", CultureInfo.InvariantCulture) : DateTimeOffset.UnixEpoch,
                Items = results.Hits.Select(hit => new SyndicationItem(
                    XmlText.Safe(hit.Title),
                    SyndicationContent.CreateHtmlContent(XmlText.Safe(hit.Snippet)),
                    new Uri(origin + PaperUrl(hit.Key)),
                    "digest:paper:" + hit.Key,
                    DateTimeOffset.Parse(hit.Date + "T00:00:00Z", CultureInfo.InvariantCulture))
                {
                    Authors = { new SyndicationPerson { Name = XmlText.Safe(string.Join(", ", hit.Authors.Take(10))) } },
                }).ToList(),
            };
            return Results.Bytes(FeedEndpoints.Write(feed), FeedEndpoints.AtomContentType);
        });
    }

    private static IResult Run(Func<IResult> search)
    {
        try
        {
            return search();
        }
        catch (SearchQueryException e)
        {
            return Problem(400, "无法搜索", e.Message);
        }
        catch (SearchTimeoutException e)
        {
            return Problem(503, "搜索超时", e.Message);
        }
    }

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    private sealed record ApiResults(
        [property: JsonPropertyName("total")] int Total,
        [property: JsonPropertyName("total_capped")] bool TotalCapped, // true: more than total papers match (the count stops at 10,000)
        [property: JsonPropertyName("page")] int Page,
        [property: JsonPropertyName("page_size")] int PageSize,
        [property: JsonPropertyName("results")] IReadOnlyList<ApiResult> Results);

    /// <summary>One result; <c>snippet</c> and <c>title_html</c> are HTML: encoded text with <c>&lt;mark&gt;</c> around matches.</summary>
    private sealed record ApiResult(
        [property: JsonPropertyName("key")] string Key,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("title_note")] string? TitleNote,
        [property: JsonPropertyName("authors")] IReadOnlyList<string> Authors,
        [property: JsonPropertyName("dates")] IReadOnlyList<string> Dates,
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("pdf_url")] string? PdfUrl,
        [property: JsonPropertyName("snippet")] string Snippet,
        [property: JsonPropertyName("title_html")] string TitleHtml)
    {
        public static ApiResult From(SearchHit hit) =>
            new(hit.Key, hit.Title, hit.TitleNote, hit.Authors, hit.Dates, hit.Source, hit.PdfUrl, hit.Snippet, hit.TitleHtml);
    }
}
