using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Core.Export;

/// <summary>
/// Writes <c>@misc</c> BibTeX entries. arXiv papers get <c>eprint</c>, <c>archivePrefix = {arXiv}</c> and the abs
/// URL; DOIs get <c>doi</c> and the doi.org URL; unlinked rows get the PDF link when there is one. The title is the
/// English one when known, else the Chinese one; with both, the Chinese title goes into <c>note</c>. Text is
/// escaped for TeX (<c>\ { } $ &amp; % # _ ^ ~</c>), so a title can never break out of its braces; URLs are kept
/// verbatim except for braces, backslashes and spaces, which are percent-encoded. Keys are ASCII
/// (<c>arxiv:2510.18876</c>, <c>doi:10.1101/2024.1.1</c>, <c>digest:h-…</c>) and unique within one write.
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

    /// <summary>Text made safe inside a braced BibTeX value: TeX specials escaped, whitespace runs made one space.</summary>
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
                '{' => @"\{",
                '}' => @"\}",
                '$' => @"\$",
                '&' => @"\&",
                '%' => @"\%",
                '#' => @"\#",
                '_' => @"\_",
                '^' => @"\^{}",
                '~' => @"\~{}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>The year: from an arXiv id (yymm) or a bioRxiv/medRxiv DOI (yyyy.mm.dd), else from the first day seen.</summary>
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

        return DateOnly.TryParseExact(paper.FirstSeen, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var seen) ? seen.Year : DateTime.UtcNow.Year;
    }

    private static string Entry(BibTexPaper paper, string key)
    {
        var fields = new List<(string Name, string Value)>();
        var english = string.IsNullOrWhiteSpace(paper.TitleEn) ? null : paper.TitleEn;
        fields.Add(("title", Escape(english ?? paper.Title)));
        var authors = paper.Authors.Where(a => !string.IsNullOrWhiteSpace(a)).Select(Author).ToList();
        if (authors.Count > 0)
        {
            fields.Add(("author", string.Join(" and ", authors)));
        }

        fields.Add(("year", Year(paper).ToString(CultureInfo.InvariantCulture)));
        switch (paper.Kind)
        {
            case "arxiv":
                fields.Add(("eprint", Url(paper.Key)));
                fields.Add(("archivePrefix", "arXiv"));
                fields.Add(("url", Url("https://arxiv.org/abs/" + paper.Key)));
                break;
            case "doi":
                fields.Add(("doi", Url(paper.Key)));
                fields.Add(("url", Url("https://doi.org/" + paper.Key)));
                break;
            default:
                if (!string.IsNullOrWhiteSpace(paper.PdfUrl))
                {
                    fields.Add(("url", Url(paper.PdfUrl)));
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

    /// <summary>A name as BibTeX reads it; a name holding the word "and" is braced so it stays one name.</summary>
    private static string Author(string name)
    {
        var escaped = Escape(name);
        return AndWord().IsMatch(escaped) ? "{" + escaped + "}" : escaped;
    }

    private static string Url(string url)
    {
        var safe = new StringBuilder(url.Length);
        foreach (var c in url.Trim())
        {
            safe.Append(c switch
            {
                '{' => "%7B",
                '}' => "%7D",
                '\\' => "%5C",
                _ when char.IsWhiteSpace(c) || char.IsControl(c) => "%20",
                _ => c.ToString(),
            });
        }

        return safe.ToString();
    }
}
