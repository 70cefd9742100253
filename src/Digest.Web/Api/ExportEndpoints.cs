using Digest.Core.Export;
using Digest.Core.Papers;
using Digest.Core.Stats;
using Digest.Web.Caching;
using Digest.Web.Rendering;
using Microsoft.Net.Http.Headers;

namespace Digest.Web.Api;

/// <summary>
/// Downloads: a day or a day's source as CSV, JSON (the generator's api/daily shape), markdown (the digest format
/// itself, which imports back) or BibTeX, at <c>/day/{date}.{format}</c> and <c>/day/{date}/{source}.{format}</c>;
/// and one paper's BibTeX at <c>/paper/{key}.bib</c>. Bad dates, sources and formats give 400, unknown days and
/// papers 404, both as ProblemDetails. Output cached and ETagged by data version like the pages.
/// </summary>
public static class ExportEndpoints
{
    public const string BibTexContentType = "application/x-bibtex; charset=utf-8";

    /// <summary>The queries the exports, feeds, discovery and stats read with.</summary>
    public static IServiceCollection AddDigestExports(this IServiceCollection services)
    {
        services.AddSingleton<DayExportQuery>();
        services.AddSingleton<PaperCitationQuery>();
        services.AddSingleton<StatsQuery>();
        services.AddSingleton<DataChange>();
        services.AddSingleton<SitemapQuery>();
        return services;
    }

    public static IEndpointRouteBuilder MapDigestExports(this IEndpointRouteBuilder endpoints)
    {
        var exports = endpoints.MapGroup("").WithMetadata(new VersionedByDataAttribute()).CacheOutput(DigestCachePolicy.Name);
        exports.MapGet("/day/{date}.{format}", (HttpContext context, string date, string format, DayExportQuery query, CancellationToken ct) =>
            Day(context, date, null, format, query, ct));
        exports.MapGet("/day/{date}/{source}.{format}", (HttpContext context, string date, string source, string format, DayExportQuery query, CancellationToken ct) =>
            Day(context, date, source, format, query, ct));
        exports.MapGet(@"/paper/{**key:regex(\.bib$)}", Paper);
        return endpoints;
    }

    /// <summary>The download URL of a day (or a day's source) in a format: <c>/day/2025-10-22.csv</c>.</summary>
    public static string DayUrl(string date, string? source, DayExportFormat format) =>
        source is null ? $"/day/{date}.{format.Extension}" : $"/day/{date}/{source}.{format.Extension}";

    /// <summary>The BibTeX URL of a paper: <c>/paper/2510.18876.bib</c>, a DOI's slashes kept.</summary>
    public static string PaperBibUrl(string key) => Links.Paper(key) + ".bib";

    private static async Task<IResult> Day(HttpContext context, string date, string? source, string format, DayExportQuery query, CancellationToken ct)
    {
        if (DayExportFormat.Find(format) is not { } found)
        {
            return Problem(400, "不支持的导出格式", $"'{format}' is not one of csv, json, md, bib");
        }

        if (!DayRoute.TryParseDate(date, out var day))
        {
            return Problem(400, "日期格式不对", $"'{date}' is not a yyyy-MM-dd date");
        }

        string? slug = null;
        if (source is not null && (slug = Source.Parse(source)) is null)
        {
            return Problem(400, "没有这个来源", $"unknown source '{source}'");
        }

        if (query.Find(day, slug) is not { } export)
        {
            return Problem(404, "没有这一天的摘要", $"no digest for {date}{(slug is null ? "" : "/" + slug)}");
        }

        var response = context.Response;
        response.ContentType = found.ContentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = found.FileName(export) }.ToString();
        await found.WriteAsync(export, response.Body, ct);
        return Results.Empty;
    }

    private static IResult Paper(string key, PaperCitationQuery query)
    {
        var requested = key[..^".bib".Length];
        if (requested.Length == 0 || query.Find(RequestedPaperKey.Canonical(requested)) is not { } paper)
        {
            return Problem(404, "没有这篇论文", $"no paper with key '{requested}'");
        }

        return Results.Text(BibTexWriter.Entry(paper), BibTexContentType);
    }

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
