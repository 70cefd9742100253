using System.Text;

namespace Digest.Core.Import;

/// <summary>
/// A cell's text as the digest wrote it, normalised the one way the whole app relies on: lines right-stripped,
/// blank lines at either end dropped, <c>\|</c> unescaped to <c>|</c>, inner newlines kept. Nothing else changes:
/// HTML and markdown stay verbatim (escaping is the pages' job).
/// </summary>
internal static class CellText
{
    public static string Normalise(ReadOnlySpan<char> raw)
    {
        raw = raw.Trim();
        if (raw.IsEmpty)
        {
            return string.Empty;
        }

        if (raw.IndexOfAny('\n', '\\') < 0)
        {
            return raw.ToString();
        }

        var builder = new StringBuilder(raw.Length);
        var pendingBlank = 0;
        var first = true;
        foreach (var range in raw.Split('\n'))
        {
            var line = raw[range].TrimEnd();
            if (line.IsEmpty)
            {
                pendingBlank++;
                continue;
            }

            if (!first)
            {
                builder.Append('\n', pendingBlank + 1);
            }

            pendingBlank = 0;
            first = false;
            AppendUnescaped(builder, line);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Splits a normalised text into its first line and the rest. The rest is a translator's note: its lines are
    /// stripped on both sides (list indentation goes, as in the reference data) and blank edge lines dropped.
    /// </summary>
    public static (string FirstLine, string Others) SplitFirstLine(string text)
    {
        var newline = text.IndexOf('\n');
        return newline < 0 ? (text, string.Empty) : (text[..newline], StripLines(text.AsSpan(newline + 1)));
    }

    private static string StripLines(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingBlank = 0;
        foreach (var range in text.Split('\n'))
        {
            var line = text[range].Trim();
            if (line.IsEmpty)
            {
                pendingBlank++;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n', pendingBlank + 1);
            }

            pendingBlank = 0;
            builder.Append(line);
        }

        return builder.ToString();
    }

    private static void AppendUnescaped(StringBuilder builder, ReadOnlySpan<char> line)
    {
        int index;
        while ((index = line.IndexOf("\\|", StringComparison.Ordinal)) >= 0)
        {
            builder.Append(line[..index]).Append('|');
            line = line[(index + 2)..];
        }

        builder.Append(line);
    }
}
