using System.Globalization;
using System.Text.RegularExpressions;
using Digest.Core.Papers;

namespace Digest.Core.Import;

/// <summary>
/// A markdown heading outside any table row, read for the digest's date and source:
/// <c># arxiv 2025-10-22</c>, <c># arXiv 2026-08-21</c>, <c># Arxiv 2024-09-04 Papers</c>, <c># Arxiv Papers</c>,
/// the combined <c># 2025-10-22 每日论文</c> (a date and no source) and its <c>## arXiv</c> sections.
/// </summary>
internal sealed partial record DigestHeading(int Level, DateOnly? Date, string? Source, bool IsCombined, bool IsLegacyPapers)
{
    [GeneratedRegex(@"^(?<hashes>#{1,6})[ \t]+(?<text>.*?)[ \t#]*$", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?:biorxiv|medrxiv|arxiv)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourcePattern();

    [GeneratedRegex(@"\bPapers\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LegacyPapersPattern();

    public static DigestHeading? TryRead(string line)
    {
        if (line.Length == 0 || line[0] != '#')
        {
            return null;
        }

        var match = HeadingPattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var text = match.Groups["text"].Value;
        DateOnly? date = null;
        var dateMatch = DatePattern().Match(text);
        if (dateMatch.Success && DateOnly.TryParseExact(dateMatch.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
        }

        var sourceMatch = SourcePattern().Match(text);
        var source = sourceMatch.Success ? Papers.Source.Parse(sourceMatch.Value) : null;
        return new DigestHeading(
            match.Groups["hashes"].Length,
            date,
            source,
            IsCombined: date is not null && source is null,
            IsLegacyPapers: source is not null && LegacyPapersPattern().IsMatch(text));
    }
}
