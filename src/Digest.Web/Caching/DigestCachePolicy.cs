using Microsoft.AspNetCore.OutputCaching;

namespace Digest.Web.Caching;

/// <summary>
/// Output caching for the read-only pages and their JSON twins: GET and HEAD, 200 responses without cookies,
/// keyed by path, query and data version, tagged so that an import evicts them.
/// </summary>
public sealed class DigestCachePolicy : IOutputCachePolicy
{
    public const string Name = "digest";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey("Authorization")
            && !Bookmarks.ReaderCookie.IsPersonal(request); // a reader's stars and tokens are never shared
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(30);
        context.Tags.Add(DataVersionMonitor.CacheTag);
        context.CacheVaryByRules.QueryKeys = "*";
        var monitor = context.HttpContext.RequestServices.GetRequiredService<DataVersionMonitor>();
        context.CacheVaryByRules.VaryByValues["data"] = monitor.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey("Set-Cookie"))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
