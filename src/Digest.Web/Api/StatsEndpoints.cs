using Digest.Core.Stats;
using Digest.Web.Caching;

namespace Digest.Web.Api;

/// <summary><c>/api/stats</c>: the JSON twin of <c>/stats</c>.</summary>
public static class StatsEndpoints
{
    public const int TopAuthors = 20;

    public static IEndpointRouteBuilder MapDigestStats(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/stats", (StatsQuery stats) => Results.Ok(stats.Get(TopAuthors)))
            .WithMetadata(new VersionedByDataAttribute())
            .CacheOutput(DigestCachePolicy.Name);
        return endpoints;
    }
}
