using Digest.Core.Bookmarks;

namespace Digest.Web.Bookmarks;

/// <summary>
/// The reader cookie: read strictly (anything but a well-formed id is no reader), written HttpOnly, SameSite=Lax,
/// Secure under HTTPS, for a year. A request that carries it or the antiforgery cookie is personal: its pages
/// show that reader's stars and carry tokens, so they are never served from or stored in the shared cache.
/// </summary>
public static class ReaderCookie
{
    public const string AntiforgeryCookieName = "digest_af";

    public static ReaderId? Read(HttpRequest request) => ReaderId.Parse(request.Cookies[ReaderId.CookieName]);

    public static void Write(HttpContext context, ReaderId reader) =>
        context.Response.Cookies.Append(ReaderId.CookieName, reader.CookieValue, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = ReaderId.CookieLifetime,
            Path = "/",
            IsEssential = true,
        });

    public static bool IsPersonal(HttpRequest request) =>
        request.Cookies.ContainsKey(ReaderId.CookieName) || request.Cookies.ContainsKey(AntiforgeryCookieName);

    /// <summary>Whether the caller asked for a JSON answer (the script) rather than a page (a plain form).</summary>
    public static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(value => value is not null && value.Contains("application/json", StringComparison.OrdinalIgnoreCase));
}
