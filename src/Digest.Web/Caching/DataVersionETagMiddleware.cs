namespace Digest.Web.Caching;

/// <summary>
/// Gives pages marked <see cref="VersionedByDataAttribute"/> an ETag from the data version and answers a
/// matching If-None-Match with 304. Runs after the output cache, which answers its own hits the same way.
/// </summary>
public sealed class DataVersionETagMiddleware(RequestDelegate next, DataVersionMonitor monitor)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || context.GetEndpoint()?.Metadata.GetMetadata<VersionedByDataAttribute>() is null
            || Bookmarks.ReaderCookie.IsPersonal(request)) // a reader's stars change without a data version
        {
            return next(context);
        }

        var etag = monitor.ETag;
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "no-cache";
        if (request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*")))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
