using Digest.Core.Export;
using Digest.Core.Papers;
using Digest.Core.Storage;
using Digest.Web.Caching;
using Digest.Web.Rendering;

namespace Digest.Web.Api;

/// <summary>The JSON twins of the pages: the same path under /api, snake_case fields, ProblemDetails errors.</summary>
public static class DigestApi
{
    public const int RecentDays = 14;
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static IEndpointRouteBuilder MapDigestApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithMetadata(new VersionedByDataAttribute()).CacheOutput(DigestCachePolicy.Name);
        api.MapGet("/", Latest);
        api.MapGet("/latest", Latest);
        api.MapGet("/days", Days);
        api.MapGet("/day/{date}/{source?}", Day);
        api.MapGet("/paper/{**key}", Paper);
        api.MapGet("/author/{**name}", Author);
        return endpoints;
    }

    private static IResult Latest(PaperStore store)
    {
        var latest = store.LatestDate();
        var day = latest is not null && DayRoute.TryParseDate(latest, out var date) ? store.GetDay(date) : null;
        return Results.Ok(new { latest = day, recent = store.GetDays(RecentDays) });
    }

    /// <summary>Days newest first, each with its count per source; <c>?page=</c> (from 1) and <c>?page_size=</c> (1..MaxPageSize).</summary>
    private static IResult Days(PaperStore store, int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int? pageSize)
    {
        var size = pageSize ?? DefaultPageSize;
        if (page is < 1 || size is < 1 or > MaxPageSize)
        {
            return Results.Problem(statusCode: 400, title: "分页参数不对", detail: $"page starts at 1; page_size is 1..{MaxPageSize}");
        }

        var number = page ?? 1;
        var days = store.GetDays();
        return Results.Ok(new { page = number, page_size = size, total = days.Count, days = days.Skip((number - 1) * size).Take(size) });
    }

    /// <summary>
    /// A day (or a day's source) in the shape of the generator's <c>api/daily/YYYY-MM-DD.json</c>, our own fields
    /// beside its own; see <see cref="DayJsonExporter"/>.
    /// </summary>
    private static IResult Day(string date, string? source, DayExportQuery query)
    {
        if (!DayRoute.TryParseDate(date, out var day))
        {
            return Results.Problem(statusCode: 400, title: "日期格式不对", detail: $"'{date}' is not a yyyy-MM-dd date");
        }

        string? slug = null;
        if (source is not null && (slug = Source.Parse(source)) is null)
        {
            return Results.Problem(statusCode: 404, title: "没有这个来源", detail: $"unknown source '{source}'");
        }

        if (query.Find(day, slug) is not { } export)
        {
            return Results.Problem(statusCode: 404, title: "没有这一天的摘要", detail: $"no digest for {date}{(slug is null ? "" : "/" + slug)}");
        }

        using var buffer = new MemoryStream();
        DayExportFormat.Json.Write(export, buffer);
        return Results.Bytes(buffer.ToArray(), DayExportFormat.Json.ContentType);
    }

    private static IResult Paper(string key, string? from, PaperStore store)
    {
        var canonical = RequestedPaperKey.Canonical(key);
        if (store.GetPaper(canonical) is not { } paper)
        {
            return Results.Problem(statusCode: 404, title: "没有这篇论文", detail: $"no paper with key '{key}'");
        }

        var neighbours = DayRoute.TryParseFrom(from, out var date, out var source) ? store.GetNeighbours(paper.Key, date, source) : null;
        return Results.Ok(new { paper, neighbours });
    }

    private static IResult Author(string name, PaperStore store) =>
        store.GetAuthor(name) is { } author
            ? Results.Ok(author)
            : Results.Problem(statusCode: 404, title: "没有这位作者", detail: $"no author named '{name}'");
}
