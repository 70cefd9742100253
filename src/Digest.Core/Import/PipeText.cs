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
        for (var i = from; i < text.Length; i++)
        {
            var next = text[i..].IndexOf('|');
            if (next < 0)
            {
                break;
            }

            i += next;
            if (IsDelimiter(text, i))
            {
                count++;
            }
        }

        return count;
    }

    public static bool HasEscapedPipe(ReadOnlySpan<char> text) => text.Contains("\\|", StringComparison.Ordinal);

    /// <summary>
    /// The row as Markdig should see it: its structure only. Every delimiter stays a <c>|</c>; every run of text
    /// between two delimiters becomes one letter (or one space when it is blank). Escaped pipes, newlines and the
    /// characters that open code spans, links or HTML are text, so nothing can swallow a delimiter, and Markdig's
    /// cost no longer grows with the abstracts. <paramref name="runs"/> maps each skeleton position to the
    /// trimmed text run of the row it stands for.
    /// </summary>
    public static string Skeleton(string row, out CellSpan[] runs)
    {
        var skeleton = new System.Text.StringBuilder(64);
        var map = new List<CellSpan>(32);
        var runStart = 0;
        for (var i = 0; i <= row.Length; i++)
        {
            if (i < row.Length && !IsDelimiter(row, i))
            {
                continue;
            }

            if (i > runStart)
            {
                var run = row.AsSpan(runStart, i - runStart);
                var lead = run.Length - run.TrimStart().Length;
                var text = run.Trim();
                skeleton.Append(text.IsEmpty ? ' ' : 'a');
                map.Add(text.IsEmpty ? default : new CellSpan(runStart + lead, runStart + lead + text.Length));
            }

            if (i < row.Length)
            {
                skeleton.Append('|');
                map.Add(default);
            }

            runStart = i + 1;
        }

        runs = [.. map];
        return skeleton.ToString();
    }
}
