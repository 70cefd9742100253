using System.Text.RegularExpressions;

namespace Digest.Core.Import;

/// <summary>
/// A title cell read for people: the first non-empty line is the title and the rest is the translator's note
/// (<c>（注：…）</c>, <c>翻译说明：…</c>, <c>解析：…</c>). When the first line is an LLM preamble such as
/// <c>以下是这段英文的中文翻译：</c> the real title is the next line, and the preamble is kept apart. The title is
/// cleaned of markdown wrapping (<c>**…**</c>, a leading <c>## </c>), a <c>标题：</c> label and wrapping quotes;
/// a TAB inside it stays.
/// </summary>
internal sealed partial record TitleCell(string Title, string? Note, string? Preamble)
{
    [GeneratedRegex(@"^(?:以下是|以下为|下面是|这是|好的|翻译结果|翻译如下|译文|中文翻译|标题翻译如下)[^\n]{0,120}[：:]$", RegexOptions.CultureInvariant)]
    private static partial Regex PreamblePattern();

    [GeneratedRegex(@"^#{1,6}\s+", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingMarkPattern();

    [GeneratedRegex(@"^(?:中文标题|标题翻译|翻译标题|标题|题目)\s*[：:]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    public static TitleCell Read(string cellText)
    {
        var (first, rest) = CellText.SplitFirstLine(cellText);
        string? preamble = null;
        if (rest.Length > 0 && PreamblePattern().IsMatch(first.Trim()))
        {
            preamble = first;
            (first, rest) = CellText.SplitFirstLine(rest);
        }

        return new TitleCell(Clean(first), rest.Length == 0 ? null : rest, preamble);
    }

    /// <summary>True when <see cref="Clean"/> changes the line: it carried markdown, a label or quotes.</summary>
    public static bool NeedsCleaning(string line) => Clean(line) != line;

    public static string Clean(string line)
    {
        var title = line.Trim();
        for (var pass = 0; pass < 3; pass++)
        {
            var before = title;
            title = HeadingMarkPattern().Replace(title, string.Empty, 1);
            title = LabelPattern().Replace(title, string.Empty, 1);
            if (title.Length > 4 && title.StartsWith("**", StringComparison.Ordinal) && title.EndsWith("**", StringComparison.Ordinal)
                && !title.AsSpan(2, title.Length - 4).Contains("**", StringComparison.Ordinal))
            {
                title = title[2..^2].Trim();
            }

            title = Unquote(title, '"', '"');
            title = Unquote(title, '“', '”');
            if (title == before)
            {
                break;
            }
        }

        return title;
    }

    private static string Unquote(string text, char open, char close)
    {
        if (text.Length > 2 && text[0] == open && text[^1] == close && text.AsSpan(1, text.Length - 2).IndexOfAny(open, close) < 0)
        {
            return text[1..^1].Trim();
        }

        return text;
    }
}
