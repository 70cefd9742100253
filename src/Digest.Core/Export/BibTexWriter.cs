using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Core.Export;

/// <summary>
/// The one BibTeX writer (paper pages, day exports, bookmarks): <c>@misc</c> entries. arXiv papers get
/// <c>eprint</c>, <c>archivePrefix = {arXiv}</c> and the abs URL; DOIs get <c>doi</c> and the doi.org URL; unlinked
/// rows get their PDF link when it is http(s). The title is the English one when known, else the Chinese one, in
/// double braces so styles keep its case; with both, the Chinese title goes into <c>note</c>. Text is escaped for
/// TeX, and braces and backslashes become text commands (<c>\textbraceleft{}</c>), so the only braces left come in
/// pairs and a field can never end early, even for BibTeX, which counts braces without looking at backslashes.
/// Keys put into <c>doi</c>, <c>eprint</c> and URLs are percent-encoded (UTF-8) outside plain printable ASCII and
/// for <c>{ } \ % " # ? ^ ~ ` &lt; &gt; | [ ]</c> (a PDF link keeps its own escapes, query and fragment). Citation keys are ASCII (<c>arxiv:2510.18876</c>, <c>doi:10.1101/2024.1.1</c>,
/// <c>digest:h-…</c>), the same for a paper wherever it is exported, and unique (ignoring case) within one write.
/// The digests name only the first author, so <c>author</c> holds what they name.
/// </summary>
public static partial class BibTexWriter
{
    [GeneratedRegex(@"^(?<yy>\d{2})(?<mm>\d{2})\.\d{4,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex NewArxivId();

    [GeneratedRegex(@"^[a-z][a-z.\-]*/(?<yy>\d{2})\d{5}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OldArxivId();

    [GeneratedRegex(@"^10\.1101/(?<yyyy>(19|20)\d{2})\.\d{2}\.\d{2}\.", RegexOptions.CultureInvariant)]
    private static partial Regex DatedDoi();

    [GeneratedRegex(@"\band\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AndWord();

    [GeneratedRegex(@"^(?<yyyy>\d{4})(\D|$)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingYear();

    /// <summary>How the digests write "and more authors"; BibTeX spells it <c>others</c>.</summary>
    private static readonly HashSet<string> Others = new(StringComparer.OrdinalIgnoreCase) { "et al.", "et al", "etc.", "...", "…", "others" };

    /// <summary>One entry, ending with a newline.</summary>
    public static string Entry(BibTexPaper paper) => Entry(paper, CitationKey(paper));

    /// <summary>Entries separated by blank lines, one per paper key (the first wins), with unique citation keys.</summary>
    public static void Write(TextWriter writer, IEnumerable<BibTexPaper> papers)
    {
        var seenPapers = new HashSet<string>(StringComparer.Ordinal);
        var usedKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var first = true;
        foreach (var paper in papers)
        {
            if (!seenPapers.Add(paper.Key))
            {
                continue;
            }

            var key = CitationKey(paper);
            for (var n = 2; !usedKeys.Add(key); n++)
            {
                key = CitationKey(paper) + "-" + n.ToString(CultureInfo.InvariantCulture);
            }

            if (!first)
            {
                writer.Write('\n');
            }

            writer.Write(Entry(paper, key));
            first = false;
        }
    }

    public static string Write(IEnumerable<BibTexPaper> papers)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        Write(writer, papers);
        return writer.ToString();
    }

    /// <summary><c>arxiv:2510.18876</c>, <c>doi:10.1101/…</c> or <c>digest:h-…</c>; only ASCII letters, digits and <c>:._/-</c>.</summary>
    public static string CitationKey(BibTexPaper paper)
    {
        var prefix = paper.Kind switch
        {
            "arxiv" => "arxiv:",
            "doi" => "doi:",
            _ => "digest:",
        };
        var key = new StringBuilder(prefix);
        foreach (var c in paper.Key)
        {
            key.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '/' or '-' or ':' ? c : '-');
        }

        return key.ToString();
    }

    /// <summary>
    /// Text made safe inside a braced BibTeX value: TeX specials escaped, braces, backslashes, carets and tildes as
    /// text commands with empty groups (so braces always balance), whitespace and control runs made one space.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var escaped = new StringBuilder(text.Length + 16);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                escaped.Append(' ');
                space = false;
            }

            escaped.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\textbraceleft{}",
                '}' => @"\textbraceright{}",
                '$' => @"\$",
                '&' => @"\&",
                '%' => @"\%",
                '#' => @"\#",
                '_' => @"\_",
                '^' => @"\textasciicircum{}",
                '~' => @"\textasciitilde{}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>
    /// The year: from an arXiv id (yymm) or a bioRxiv/medRxiv DOI (yyyy.mm.dd), else from the publication date when it
    /// starts with a plausible year, else from the first day seen.
    /// </summary>
    public static int Year(BibTexPaper paper)
    {
        if (paper.Kind == "arxiv")
        {
            var match = NewArxivId().Match(paper.Key);
            if (!match.Success)
            {
                match = OldArxivId().Match(paper.Key);
            }

            if (match.Success)
            {
                var yy = int.Parse(match.Groups["yy"].Value, CultureInfo.InvariantCulture);
                return yy >= 91 ? 1900 + yy : 2000 + yy;
            }
        }

        var doi = DatedDoi().Match(paper.Key);
        if (paper.Kind == "doi" && doi.Success)
        {
            return int.Parse(doi.Groups["yyyy"].Value, CultureInfo.InvariantCulture);
        }

        if (paper.Published is { } published && LeadingYear().Match(published.Trim()) is { Success: true } year
            && int.Parse(year.Groups["yyyy"].Value, CultureInfo.InvariantCulture) is >= 1900 and <= 2999 and var fromPublished)
        {
            return fromPublished;
        }

        return DateOnly.TryParseExact(paper.FirstSeen, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var seen) ? seen.Year : DateTime.UtcNow.Year;
    }

    private static string Entry(BibTexPaper paper, string key)
    {
        var fields = new List<(string Name, string Value)>();
        var english = string.IsNullOrWhiteSpace(paper.TitleEn) ? null : paper.TitleEn;
        fields.Add(("title", "{" + Escape(english ?? paper.Title) + "}"));
        var authors = paper.Authors.Where(a => !string.IsNullOrWhiteSpace(a)).Select(Author).ToList();
        if (authors.Count > 0)
        {
            fields.Add(("author", string.Join(" and ", authors)));
        }

        fields.Add(("year", Year(paper).ToString(CultureInfo.InvariantCulture)));
        switch (paper.Kind)
        {
            case "arxiv":
                fields.Add(("eprint", Identifier(paper.Key)));
                fields.Add(("archivePrefix", "arXiv"));
                fields.Add(("url", "https://arxiv.org/abs/" + Identifier(paper.Key)));
                break;
            case "doi":
                fields.Add(("doi", Identifier(paper.Key)));
                fields.Add(("url", "https://doi.org/" + Identifier(paper.Key)));
                break;
            default:
                if (paper.PdfUrl?.Trim() is { } pdf
                    && (pdf.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || pdf.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
                {
                    fields.Add(("url", Link(pdf)));
                }

                break;
        }

        if (english is not null && !string.IsNullOrWhiteSpace(paper.Title) && paper.Title.Trim() != english.Trim())
        {
            fields.Add(("note", Escape(paper.Title)));
        }

        var entry = new StringBuilder();
        entry.Append("@misc{").Append(key).Append(",\n");
        for (var i = 0; i < fields.Count; i++)
        {
            entry.Append("  ").Append(fields[i].Name).Append(" = {").Append(fields[i].Value).Append('}');
            entry.Append(i < fields.Count - 1 ? ",\n" : "\n");
        }

        return entry.Append("}\n").ToString();
    }

    /// <summary>
    /// A name as BibTeX reads it: a name holding the word "and" is braced so it stays one name; "et al." and "..."
    /// become BibTeX's <c>others</c>.
    /// </summary>
    private static string Author(string name)
    {
        var escaped = Escape(name);
        if (Others.Contains(escaped))
        {
            return "others";
        }

        return AndWord().IsMatch(escaped) ? "{" + escaped + "}" : escaped;
    }

    /// <summary>A key (arXiv id, DOI) as it goes into <c>eprint</c>, <c>doi</c> or a URL path: every byte but plain, harmless ASCII percent-encoded.</summary>
    private static string Identifier(string key) => Encode(key.Trim(), link: false);

    /// <summary>A ready-made URL: the same, except that its existing <c>%XX</c> escapes, its query and its fragment stay as they are.</summary>
    private static string Link(string url) => Encode(url.Trim(), link: true);

    private static string Encode(string text, bool link)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var safe = new StringBuilder(bytes.Length + 8);
        var fragment = false;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var c = (char)b;
            var keep = b is > 0x20 and < 0x7f && c switch
            {
                '{' or '}' or '\\' or '"' or '^' or '~' or '`' or '<' or '>' or '|' => false,
                '%' => link && i + 2 < bytes.Length && char.IsAsciiHexDigit((char)bytes[i + 1]) && char.IsAsciiHexDigit((char)bytes[i + 2]),
                '#' => link && !fragment,
                '?' or '[' or ']' => link,
                _ => true,
            };
            if (keep)
            {
                fragment |= c == '#';
                safe.Append(c);
            }
            else
            {
                safe.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return safe.ToString();
    }
}
