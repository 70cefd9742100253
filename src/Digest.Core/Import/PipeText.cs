namespace Digest.Core.Import;

/// <summary>
/// How the generator wrote pipes: before 2026 a <c>|</c> inside a cell was not escaped; since then it is written
/// <c>\|</c>, so <c>\\|</c> is a LaTeX norm <c>\|</c>. Either way a pipe right after a backslash is cell text,
/// and every other pipe is a delimiter.
/// </summary>
internal static class PipeText
{
    public static bool IsDelimiter(ReadOnlySpan<char> text, int index) => text[index] == '|' && (index == 0 || text[index - 1] != '\\');

    public static int CountDelimiters(ReadOnlySpan<char> text, int from = 0)
    {
        var count = 0;
        for (var i = text[from..].IndexOf('|'); i >= 0; i = NextPipe(text, from))
        {
            from += i;
            if (IsDelimiter(text, from))
            {
                count++;
            }

            from++;
        }

        return count;

        static int NextPipe(ReadOnlySpan<char> t, int start) => start >= t.Length ? -1 : t[start..].IndexOf('|');
    }

    public static bool HasEscapedPipe(ReadOnlySpan<char> text) => text.Contains("\\|", StringComparison.Ordinal);

    /// <summary>
    /// The row as Markdig should see it: one line, the same length, with escaped pipes and the characters that
    /// open code spans, links, autolinks and HTML (which could swallow a delimiter) replaced by a plain letter.
    /// Cell spans in Markdig's AST then index the original row text directly.
    /// </summary>
    public static string MaskForTable(string row) => string.Create(row.Length, row, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                '\n' or '\r' or '\t' => ' ',
                '`' or '[' or ']' or '<' or '>' or '\\' or '&' or '!' => 'x',
                '|' when i > 0 && source[i - 1] == '\\' => 'x',
                _ => c,
            };
        }
    });
}
