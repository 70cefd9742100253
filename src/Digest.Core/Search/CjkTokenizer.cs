using System.Text;

namespace Digest.Core.Search;

/// <summary>
/// Splits text into what the search index holds, and the query into the same pieces.
/// <list type="bullet">
/// <item>A <em>word</em> is a maximal run of ASCII letters and digits, lower-cased (<c>LLMs</c> → <c>llms</c>). A query
/// word matches any word that starts with it, so <c>llm</c> finds <c>LLMs</c> but not <c>mLLM</c>.</item>
/// <item>A <em>run</em> is a maximal run of other letters and digits: Chinese, Japanese, Korean, but also accented or
/// Greek letters, lower-cased character by character. A query run matches as a substring of a text run. The index
/// holds each run as overlapping bigrams followed by its last character (<c>强化学习</c> → <c>强化 化学 学习 习</c>), so
/// every character starts exactly one token (single-character queries are a prefix query) and no all-bigram phrase
/// can cross from one run into the next.</item>
/// <item>Everything else (spaces, ASCII and full-width punctuation, symbols, control characters, lone
/// surrogates) separates.</item>
/// <item>Where a run follows a run with only separators between them, a <em>junction</em> token joins the last
/// character of the first to the first character of the second behind a <c>·</c> (<c>模型，学习</c> →
/// <c>模型 型 ·型学 学习 习</c>). A quoted phrase of common words (<c>"模型 学习"</c>) then holds one rare token that
/// FTS5 can seek by, instead of checking the positions of every row that holds both words. No letter or digit is
/// <c>·</c>, so no word or run query, nor a single-character prefix query, ever matches a junction.</item>
/// </list>
/// </summary>
public static class CjkTokenizer
{
    /// <summary>Bumped whenever the tokens change, so the index can be rebuilt.</summary>
    public const int Version = 2;

    public static CharKind Classify(char c) => c < 128
        ? (char.IsAsciiLetterOrDigit(c) ? CharKind.Word : CharKind.Separator)
        : (char.IsLetterOrDigit(c) ? CharKind.Run : CharKind.Separator);

    /// <summary>The words and runs of <paramref name="text"/>, lower-cased, with their place in it.</summary>
    public static List<TextSegment> Segments(string? text)
    {
        var segments = new List<TextSegment>();
        if (string.IsNullOrEmpty(text))
        {
            return segments;
        }

        var i = 0;
        while (i < text.Length)
        {
            var kind = Classify(text[i]);
            if (kind == CharKind.Separator)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && Classify(text[i]) == kind)
            {
                i++;
            }

            segments.Add(new TextSegment(kind, text[start..i].ToLowerInvariant(), start, i - start));
        }

        return segments;
    }

    /// <summary>The index tokens of one or more texts, separated by spaces, for FTS5's <c>ascii</c> tokenizer.</summary>
    public static string IndexText(params ReadOnlySpan<string?> texts)
    {
        var builder = new StringBuilder();
        TextSegment? previous = null;
        foreach (var text in texts)
        {
            foreach (var segment in Segments(text))
            {
                AppendJunction(builder, previous, segment);
                AppendTokens(builder, segment, terminated: true);
                previous = segment;
            }
        }

        return builder.ToString();
    }

    /// <summary>Appends the junction token between two runs that follow each other; nothing otherwise.</summary>
    internal static void AppendJunction(StringBuilder builder, TextSegment? previous, TextSegment next)
    {
        if (previous is { Kind: CharKind.Run } && next.Kind == CharKind.Run)
        {
            Append(builder, ['·', previous.Text[^1], next.Text[0]]);
        }
    }

    /// <summary>
    /// Appends the segment's tokens. A run ends with its last character as a terminator token unless
    /// <paramref name="terminated"/> is false (the end of a query phrase, which may stop inside a run).
    /// </summary>
    internal static void AppendTokens(StringBuilder builder, TextSegment segment, bool terminated)
    {
        if (segment.Kind == CharKind.Word)
        {
            Append(builder, segment.Text);
            return;
        }

        var text = segment.Text;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            Append(builder, text.AsSpan(i, 2));
        }

        if (terminated || text.Length == 1)
        {
            Append(builder, text.AsSpan(text.Length - 1, 1));
        }
    }

    private static void Append(StringBuilder builder, ReadOnlySpan<char> token)
    {
        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        builder.Append(token);
    }
}

/// <summary>How <see cref="CjkTokenizer"/> sees a character.</summary>
public enum CharKind
{
    Separator,

    /// <summary>An ASCII letter or digit: part of a word, matched by prefix.</summary>
    Word,

    /// <summary>Any other letter or digit (CJK above all): part of a run, matched as a substring.</summary>
    Run,
}

/// <summary>A word or run of a text, lower-cased, with its start and length in the original.</summary>
public sealed record TextSegment(CharKind Kind, string Text, int Start, int Length);
