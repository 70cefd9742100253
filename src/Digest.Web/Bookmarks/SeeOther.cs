using Microsoft.AspNetCore.Mvc;

namespace Digest.Web.Bookmarks;

/// <summary>303 See Other to a local URL: after a form POST, the browser GETs the page it came from.</summary>
public sealed class SeeOther(string url) : IActionResult
{
    public string Url { get; } = url;

    public Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status303SeeOther;
        response.Headers.Location = Url;
        response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }

    /// <summary>The return URL when it is local (a path, with query and fragment), else the fallback.</summary>
    public static SeeOther Local(Microsoft.AspNetCore.Mvc.IUrlHelper url, string? returnUrl, string fallback) =>
        new(!string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : fallback);
}
