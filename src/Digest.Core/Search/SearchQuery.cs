using System.Text;

namespace Digest.Core.Search;

/// <summary>
/// The reader's query, parsed and turned into a safe FTS5 expression. Every token goes to MATCH inside double
/// quotes and holds only letters and digits, so no user text can become FTS5 syntax.
/// <para>Language: terms separated by spaces must all match; <c>"a phrase"</c> matches words and characters in
/// that order with only spaces or punctuation between them (its last word may be a prefix); <c>-term</c> excludes;
/// <c>author:Name</c> or <c>au:Name</c> matches author names. A term that mixes words and runs (<c>GPT-4o</c>,
/// <c>LLM强化</c>) needs each of its parts, anywhere in the entry.</para>
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 1000;
    public const int MaxTerms = 32;

    private const string TextColumns = "{title note abstract}";

    private SearchQuery(IReadOnlyList<QueryTerm> terms, string? notice)
    {
        Terms = terms;
        Notice = notice;
    }

    public IReadOnlyList<QueryTerm> Terms { get; }

    /// <summary>Set when the reader typed something that holds nothing to search for.</summary>
    public string? Notice { get; }

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>True when some term looks in titles, notes or abstracts (not only authors).</summary>
    public bool HasTextTerms => Terms.Any(t => t is { Field: QueryField.Text, Negated: false });

    /// <summary>The segments a snippet highlights: those of the positive text terms.</summary>
    public IReadOnlyList<TextSegment> Highlights =>
        Terms.Where(t => t is { Field: QueryField.Text, Negated: false }).SelectMany(t => t.Segments).ToList();

    /// <summary>The author segments a result highlights in its author list.</summary>
    public IReadOnlyList<TextSegment> AuthorHighlights =>
        Terms.Where(t => t is { Field: QueryField.Author, Negated: false }).SelectMany(t => t.Segments).ToList();

    /// <summary>Parses the query text and the separate <c>author</c> parameter. Throws <see cref="SearchQueryException"/>.</summary>
    public static SearchQuery Parse(string? text, string? author = null)
    {
        text ??= string.Empty;
        author ??= string.Empty;
        if (text.Length > MaxLength || author.Length > MaxLength)
        {
            throw new SearchQueryException($"搜索词太长：最多 {MaxLength} 个字符。");
        }

        var terms = new List<QueryTerm>();
        var typed = false;
        foreach (var raw in Split(text))
        {
            typed = true;
            var segments = CjkTokenizer.Segments(raw.Text);
            if (segments.Count > 0)
            {
                terms.Add(new QueryTerm(raw.Field, raw.Negated, raw.Phrase, segments));
            }
        }

        if (!string.IsNullOrWhiteSpace(author))
        {
            typed = true;
            var segments = CjkTokenizer.Segments(author);
            if (segments.Count > 0)
            {
                terms.Add(new QueryTerm(QueryField.Author, Negated: false, Phrase: true, segments));
            }
        }

        if (terms.Count > MaxTerms)
        {
            throw new SearchQueryException($"搜索词太多：最多 {MaxTerms} 个。");
        }

        if (terms.Count > 0 && terms.All(t => t.Negated))
        {
            throw new SearchQueryException("只有排除词（-词）无法搜索，请再加一个要查找的词。");
        }

        var notice = typed && terms.Count == 0 ? "搜索词里没有可查找的文字或数字，请换一个词。" : null;
        return new SearchQuery(terms, notice);
    }

    /// <summary>
    /// The FTS5 expression that finds matching entries. <paramref name="expand"/>, when given, lists the index terms
    /// a word prefix stands for (null: too many to list); a listed prefix becomes an OR of exact terms, which FTS5
    /// reads lazily, where a prefix query (<c>"llm" *</c>) first merges every matching term's full list.
    /// </summary>
    public string ToMatchExpression(Func<string, IReadOnlyList<string>?>? expand = null)
    {
        var builder = new StringBuilder();
        foreach (var term in Terms.Where(t => !t.Negated))
        {
            if (builder.Length > 0)
            {
                builder.Append(" AND ");
            }

            builder.Append(term.ToExpression(Columns(term), expand));
        }

        foreach (var term in Terms.Where(t => t.Negated))
        {
            builder.Append(" NOT ").Append(term.ToExpression(Columns(term), expand));
        }

        return builder.ToString();
    }

    /// <summary>An FTS5 expression true when some positive text term matches in the given column; null without text terms.</summary>
    public string? ToColumnExpression(string column, Func<string, IReadOnlyList<string>?>? expand = null)
    {
        var terms = Terms.Where(t => t is { Field: QueryField.Text, Negated: false }).ToList();
        return terms.Count == 0 ? null : string.Join(" OR ", terms.Select(t => t.ToExpression("{" + column + "}", expand)));
    }

    public override string ToString() => string.Join(' ', Terms);

    private static string Columns(QueryTerm term) => term.Field == QueryField.Author ? "{authors}" : TextColumns;

    private static IEnumerable<(QueryField Field, bool Negated, bool Phrase, string Text)> Split(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]) || char.IsControl(text[i]))
            {
                i++;
                continue;
            }

            var negated = false;
            if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                negated = true;
                i++;
            }

            var field = QueryField.Text;
            foreach (var prefix in (ReadOnlySpan<string>)["author:", "au:"])
            {
                if (text.AsSpan(i).StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    field = QueryField.Author;
                    i += prefix.Length;
                    break;
                }
            }

            if (i < text.Length && text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                var end = close < 0 ? text.Length : close;
                yield return (field, negated, true, text[(i + 1)..end]);
                i = close < 0 ? text.Length : close + 1;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !char.IsControl(text[i]))
            {
                i++;
            }

            yield return (field, negated, false, text[start..i]);
        }
    }
}

public enum QueryField
{
    Text,
    Author,
}

/// <summary>One term of a query: its field, whether it excludes, and its words and runs.</summary>
public sealed record QueryTerm(QueryField Field, bool Negated, bool Phrase, IReadOnlyList<TextSegment> Segments)
{
    /// <summary>This term as an FTS5 expression limited to <paramref name="columns"/> (a <c>{…}</c> filter).</summary>
    public string ToExpression(string columns, Func<string, IReadOnlyList<string>?>? expand = null)
    {
        if (Phrase)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < Segments.Count; i++)
            {
                CjkTokenizer.AppendJunction(builder, i > 0 ? Segments[i - 1] : null, Segments[i]);
                CjkTokenizer.AppendTokens(builder, Segments[i], terminated: i < Segments.Count - 1);
            }

            var last = Segments[^1];
            var prefix = last.Kind == CharKind.Word || last.Text.Length == 1 ? " *" : string.Empty;
            return $"{columns} : (\"{builder}\"{prefix})";
        }

        return $"{columns} : (" + string.Join(" AND ", Segments.Select(s => SegmentExpression(s, expand))) + ")";
    }

    public override string ToString()
    {
        var text = string.Join(' ', Segments.Select(s => s.Text));
        return (Negated ? "-" : string.Empty) + (Field == QueryField.Author ? "author:" : string.Empty) + (Phrase ? $"\"{text}\"" : text);
    }

    private static string SegmentExpression(TextSegment segment, Func<string, IReadOnlyList<string>?>? expand)
    {
        if (segment.Kind == CharKind.Word || segment.Text.Length == 1)
        {
            // Index terms hold only letters and digits, like the segment, so quoting them is safe.
            var terms = expand?.Invoke(segment.Text);
            return terms is { Count: > 0 }
                ? "(" + string.Join(" OR ", terms.Select(t => $"\"{t}\"")) + ")"
                : $"\"{segment.Text}\" *";
        }

        var builder = new StringBuilder();
        CjkTokenizer.AppendTokens(builder, segment, terminated: false);
        return $"\"{builder}\"";
    }
}

/// <summary>A query the reader can fix; the message is for the reader, in zh-CN.</summary>
public sealed class SearchQueryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The search ran past its time limit.</summary>
public sealed class SearchTimeoutException(TimeSpan limit)
    : Exception($"搜索超时（超过 {limit.TotalSeconds:0.#} 秒），请换更具体的词或缩小日期范围。")
{
    public TimeSpan Limit { get; } = limit;
}
