using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Core.Papers;

public enum PaperKeyKind
{
    Arxiv,
    Doi,
    Hash,
}

/// <summary>
/// A paper's identity: the arXiv id without its version (new- and old-style), else the DOI in lower case
/// without a <c>vN</c> suffix, else a stable hash of date, source and title for rows with no link.
/// </summary>
public sealed partial record PaperKey(string Value, PaperKeyKind Kind, int? Version)
{
    [GeneratedRegex(@"arxiv\.org/(?:pdf|abs)/(?<id>(?:\d{4}\.\d{4,5})|(?:[a-z][a-z.\-]*/\d{7}))(?:v(?<v>\d+))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArxivLink();

    [GeneratedRegex(@"(?<doi>10\.\d{4,9}/[^\s?#""<>]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Doi();

    [GeneratedRegex(@"^(?<base>.+?)(?:v(?<v>\d+))?(?:\.full(?:\.pdf)?|\.pdf|\.abstract)?/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DoiTail();

    /// <summary>The key a link names, or null when it names no arXiv id or DOI.</summary>
    public static PaperKey? FromLink(string? link)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        var arxiv = ArxivLink().Match(link);
        if (arxiv.Success)
        {
            return new PaperKey(arxiv.Groups["id"].Value.ToLowerInvariant(), PaperKeyKind.Arxiv, ParseVersion(arxiv.Groups["v"]));
        }

        var doi = Doi().Match(Uri.UnescapeDataString(link));
        if (!doi.Success)
        {
            return null;
        }

        var tail = DoiTail().Match(doi.Groups["doi"].Value.TrimEnd('.', ',', ')'));
        return new PaperKey(tail.Groups["base"].Value.ToLowerInvariant(), PaperKeyKind.Doi, ParseVersion(tail.Groups["v"]));
    }

    /// <summary>A stable key for a row without a usable link.</summary>
    public static PaperKey ForUnlinked(DateOnly date, string source, string title)
    {
        var text = $"{date:yyyy-MM-dd}\n{source}\n{title.Trim()}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new PaperKey("h-" + Convert.ToHexStringLower(hash.AsSpan(0, 8)), PaperKeyKind.Hash, null);
    }

    /// <summary>The arXiv abstract page, for arXiv keys.</summary>
    public string? AbsUrl => Kind == PaperKeyKind.Arxiv ? $"https://arxiv.org/abs/{Value}" : Kind == PaperKeyKind.Doi ? $"https://doi.org/{Value}" : null;

    private static int? ParseVersion(Group group) => group.Success && int.TryParse(group.Value, out var v) ? v : null;

    public override string ToString() => Value;
}
