using Digest.Core.Papers;

namespace Digest.Web.Rendering;

/// <summary>Reads the key in a /paper URL the way the importer stores keys: "2510.18876v2" and upper-case DOIs work too.</summary>
public static class RequestedPaperKey
{
    public static string Canonical(string requested)
    {
        var key = requested.Trim().Trim('/');
        return PaperKey.FromLink("https://arxiv.org/abs/" + key)?.Value is { } arxiv && key.StartsWith(arxiv, StringComparison.OrdinalIgnoreCase)
            ? arxiv
            : PaperKey.FromLink("https://doi.org/" + key)?.Value ?? key.ToLowerInvariant();
    }
}
