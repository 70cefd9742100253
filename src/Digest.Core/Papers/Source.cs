namespace Digest.Core.Papers;

/// <summary>The preprint servers a digest covers. Names are the lower-case slugs used in URLs and the database.</summary>
public static class Source
{
    public const string Arxiv = "arxiv";
    public const string Biorxiv = "biorxiv";
    public const string Medrxiv = "medrxiv";

    public static readonly IReadOnlyList<string> All = [Arxiv, Biorxiv, Medrxiv];

    /// <summary>Reads "arXiv", "Arxiv", "bioRxiv" and the like; null for anything else.</summary>
    public static string? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "arxiv" => Arxiv,
        "biorxiv" => Biorxiv,
        "medrxiv" => Medrxiv,
        _ => null,
    };

    public static string DisplayName(string source) => source switch
    {
        Arxiv => "arXiv",
        Biorxiv => "bioRxiv",
        Medrxiv => "medRxiv",
        _ => source,
    };
}
