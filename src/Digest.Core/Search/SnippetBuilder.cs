using System.Net;
using System.Text;

namespace Digest.Core.Search;

/// <summary>
/// Builds highlighted HTML from the stored original text (the index only holds bigram tokens). It finds the
/// query's words (at the start of a word) and runs (as substrings, case-insensitively) in the text, wraps them in
/// <c>&lt;mark&gt;</c>, and HTML-encodes everything else.
/// </summary>
public static class SnippetBuilder
{
    /// <summary>The whole text, HTML-encoded, with the matches marked.</summary>
    public static string Highlight(string? text, IReadOnlyList<TextSegment> needles) =>
        string.IsNullOrEmpty(text) ? string.Empty : Render(text, 0, text.Length, Matches(text, needles));

    /// <summary>
    /// A window of about <paramref name="length"/> characters around the first match (or the start of the text when
    /// nothing matches), HTML-encoded, with the matches marked and "…" where the text was cut.
    /// </summary>
    public static string Excerpt(string? text, IReadOnlyList<TextSegment> needles, int length = 160)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var matches = Matches(text, needles);
        var start = matches.Count == 0 ? 0 : Math.Max(0, matches[0].Start - (length / 4));
        if (start > 0 && text.Length - start < length)
        {
            start = Math.Max(0, text.Length - length);
        }

        var end = Math.Min(text.Length, start + length);
        start = AvoidSplitSurrogate(text, start);
        end = AvoidSplitSurrogate(text, end);
        var html = Render(text, start, end, matches);
        return (start > 0 ? "…" : string.Empty) + html + (end < text.Length ? "…" : string.Empty);
    }

    /// <summary>True when some needle occurs in the text by the rules search uses.</summary>
    public static bool Contains(string? text, IReadOnlyList<TextSegment> needles) =>
        !string.IsNullOrEmpty(text) && Matches(text, needles).Count > 0;

    /// <summary>Where the needles occur, sorted and merged.</summary>
    public static List<(int Start, int End)> Matches(string text, IReadOnlyList<TextSegment> needles)
    {
        var found = new List<(int Start, int End)>();
        foreach (var needle in needles.DistinctBy(n => (n.Kind, n.Text)))
        {
            var from = 0;
            while (from < text.Length)
            {
                var at = text.IndexOf(needle.Text, from, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }

                var wordStart = needle.Kind != CharKind.Word || at == 0 || CjkTokenizer.Classify(text[at - 1]) != CharKind.Word;
                if (wordStart)
                {
                    found.Add((at, at + needle.Text.Length));
                }

                from = at + 1;
            }
        }

        found.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var match in found)
        {
            if (merged.Count > 0 && match.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, match.End));
            }
            else
            {
                merged.Add(match);
            }
        }

        return merged;
    }

    private static string Render(string text, int start, int end, List<(int Start, int End)> matches)
    {
        var builder = new StringBuilder();
        var at = start;
        foreach (var (matchStart, matchEnd) in matches)
        {
            var s = Math.Max(matchStart, start);
            var e = Math.Min(matchEnd, end);
            if (s >= e || s < at)
            {
                continue;
            }

            builder.Append(WebUtility.HtmlEncode(text[at..s]));
            builder.Append("<mark>").Append(WebUtility.HtmlEncode(text[s..e])).Append("</mark>");
            at = e;
        }

        builder.Append(WebUtility.HtmlEncode(text[at..end]));
        return builder.ToString();
    }

    private static int AvoidSplitSurrogate(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) ? index - 1 : index;
}
