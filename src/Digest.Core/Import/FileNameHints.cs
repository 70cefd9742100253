using System.Globalization;
using System.Text.RegularExpressions;
using Digest.Core.Papers;

namespace Digest.Core.Import;

/// <summary>
/// What a file name says about its digest: a yyyy-MM-dd date and a source word found anywhere in the name
/// (<c>2025-10-22-arxiv.md</c>, <c>medrxiv_papers.md</c>, or the corpus form
/// <c>Lcollection__docs_daily-papers_2025-10-22-arxiv__815c191a.md</c>).
/// </summary>
internal sealed partial record FileNameHints(DateOnly? Date, string? Source)
{
    [GeneratedRegex(@"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"biorxiv|medrxiv|arxiv", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourcePattern();

    public static FileNameHints From(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        DateOnly? date = null;
        foreach (Match match in DatePattern().Matches(name))
        {
            if (DateOnly.TryParseExact(match.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
                break;
            }
        }

        var source = SourcePattern().Match(name);
        return new FileNameHints(date, source.Success ? Papers.Source.Parse(source.Value) : null);
    }
}
