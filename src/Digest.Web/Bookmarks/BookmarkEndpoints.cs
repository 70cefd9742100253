using Digest.Core.Bookmarks;
using Digest.Core.Storage;
using Microsoft.AspNetCore.Antiforgery;

namespace Digest.Web.Bookmarks;

/// <summary>
/// The read-only bookmark endpoints: the exports, the JSON twin of /bookmarks, and a token for the script on a
/// shared (cached, token-less) page. Each answers for the cookie's reader only and is never cached.
/// </summary>
public static class BookmarkEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/bookmarks.json", (HttpContext context, BookmarkStore store) =>
            Download(context, store.ExportJson(Reader(context)), "application/json; charset=utf-8", "digest-bookmarks.json"));
        app.MapGet("/bookmarks.bib", (HttpContext context, BookmarkStore store) =>
            Download(context, store.ExportBibTex(Reader(context)), "application/x-bibtex; charset=utf-8", "digest-bookmarks.bib"));
        app.MapGet("/api/bookmarks", (HttpContext context, BookmarkStore store) =>
        {
            Private(context);
            return Results.Json(BookmarkJson.Of(store.List(Reader(context))));
        });
        app.MapGet("/bookmarks/token", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            Private(context);
            return Results.Json(new { token = tokens.RequestToken, header = BookmarkServices.AntiforgeryHeader });
        });
    }

    private static ReaderHash? Reader(HttpContext context) => ReaderCookie.Read(context.Request)?.Hash;

    private static IResult Download(HttpContext context, string text, string contentType, string fileName)
    {
        Private(context);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return Results.Text(text, contentType);
    }

    private static void Private(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Vary = "Cookie";
    }
}
