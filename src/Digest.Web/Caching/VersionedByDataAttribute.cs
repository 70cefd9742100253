namespace Digest.Web.Caching;

/// <summary>
/// Marks a page or endpoint whose response depends only on its URL and the imported data, so that its ETag
/// can be the data version. Pair it with <c>[OutputCache(PolicyName = DigestCachePolicy.Name)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class VersionedByDataAttribute : Attribute;
