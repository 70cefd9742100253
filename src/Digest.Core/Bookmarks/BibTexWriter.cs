using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Core.Bookmarks;

/// <summary>
/// Writes papers as BibTeX <c>@misc</c> entries: an arXiv key gives <c>eprint</c>, <c>archivePrefix</c> and the
/// abstract page as <c>url</c>; a DOI gives <c>doi</c> and its doi.org <c>url</c>. Field text is escaped so every
/// entry has balanced braces whatever a title holds; citation keys are ASCII and unique within one output.
/// </summary>
public static partial class BibTexWriter
{
    public static string Write(IEnumerable<BibTexPaper> papers)
    {
        var text = new StringBuilder();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paper in papers)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            Append(text, paper, UniqueKey(CitationKey(paper), keys));
        }

        return text.ToString();
    }

    /// <summary>
    /// Escapes text for a braced BibTeX field. LaTeX specials become commands, and braces and backslashes become
    /// text commands with empty groups, so the only braces left come in pairs and a field can never end early.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\textbraceleft{}",
                '}' => @"\textbraceright{}",
                '%' => @"\%",
                '&' => @"\&",
                '$' => @"\$",
                '#' => @"\#",
                '_' => @"\_",
                '^' => @"\textasciicircum{}",
                '~' => @"\textasciitilde{}",
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static void Append(StringBuilder text, BibTexPaper paper, string key)
    {
        text.Append("@misc{").Append(key).Append(",\n");
        Field(text, "title", "{" + Escape(Collapse(paper.TitleEnglish ?? paper.Title)) + "}");
        var authors = JsonText.ReadList(paper.AuthorsJson).Select(Collapse).Where(a => a.Length > 0).ToList();
        if (authors.Count > 0)
        {
            Field(text, "author", string.Join(" and ", authors.Select(Author)));
        }

        if (Year(paper) is { } year)
        {
            Field(text, "year", year.ToString(CultureInfo.InvariantCulture));
        }

        switch (paper.Kind)
        {
            case "arxiv":
                Field(text, "eprint", Escape(paper.Key));
                Field(text, "archivePrefix", "arXiv");
                Field(text, "url", Url("https://arxiv.org/abs/" + paper.Key));
                break;
            case "doi":
                Field(text, "doi", Url(paper.Key));
                Field(text, "url", Url("https://doi.org/" + paper.Key));
                break;
            default:
                if (paper.PdfUrl is { } pdf && (pdf.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || pdf.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
                {
                    Field(text, "url", Url(pdf));
                }

                break;
        }

        text.Length -= 2;
        text.Append("\n}\n");
    }

    private static void Field(StringBuilder text, string name, string value) =>
        text.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");

    /// <summary>A name that holds the word "and" stays one name; "et al." and "..." become BibTeX's "others".</summary>
    private static string Author(string name)
    {
        if (name is "et al." or "et al" or "..." or "…" or "others")
        {
            return "others";
        }

        var escaped = Escape(name);
        return AndWord().IsMatch(name) ? "{" + escaped + "}" : escaped;
    }

    /// <summary>URL-ish fields are read verbatim by most tools: percent-encode what would break a braced field instead.</summary>
    private static string Url(string url)
    {
        var safe = new StringBuilder(url.Length);
        foreach (var b in Encoding.UTF8.GetBytes(url))
        {
            var c = (char)b;
            if (b is > 0x20 and < 0x7f && c is not ('{' or '}' or '\\' or '%' or '"' or '#' or '^' or '~' or '`'))
            {
                safe.Append(c);
            }
            else
            {
                safe.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return safe.ToString();
    }

    private static int? Year(BibTexPaper paper)
    {
        if (paper.Published is { Length: >= 4 } published && int.TryParse(published.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var fromPublished)
            && fromPublished is >= 1990 and <= 2999)
        {
            return fromPublished;
        }

        if (paper.Kind == "arxiv" && NewArxivId().Match(paper.Key) is { Success: true } arxiv)
        {
            return 2000 + int.Parse(arxiv.Groups["yy"].Value, CultureInfo.InvariantCulture);
        }

        return paper.FirstSeen is { Length: >= 4 } seen && int.TryParse(seen.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var fromSeen)
            ? fromSeen
            : null;
    }

    /// <summary>
    /// Google Scholar style, as [a-z0-9]: first author's family name, year, first long word of the English title
    /// (wang2025grasp); "paper" and the key's letters and digits when there is no author.
    /// </summary>
    private static string CitationKey(BibTexPaper paper)
    {
        var authors = JsonText.ReadList(paper.AuthorsJson);
        var family = authors.Count > 0 ? Ascii(FamilyName(authors[0])) : "";
        var word = TitleWords().Matches(Fold(paper.TitleEnglish ?? paper.Title))
            .Select(m => m.Value)
            .FirstOrDefault(w => w.Length >= 3 && !StopWords.Contains(w)) ?? "";
        var key = family + Year(paper)?.ToString(CultureInfo.InvariantCulture) + word;
        return family.Length > 0 ? key : "paper" + Ascii(paper.Key);
    }

    private static string UniqueKey(string key, HashSet<string> used)
    {
        var unique = key;
        for (var n = 0; !used.Add(unique); n++)
        {
            unique = key + Suffix(n);
        }

        return unique;
    }

    /// <summary>a, b, …, z, aa, ab, …: the suffix for the n-th repeat of a key.</summary>
    private static string Suffix(int n) => n < 26 ? ((char)('a' + n)).ToString() : Suffix((n / 26) - 1) + (char)('a' + (n % 26));

    private static string FamilyName(string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            return name[..comma];
        }

        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 0 ? parts[^1] : "";
    }

    /// <summary>Lower-case ASCII letters and digits only: accents are dropped (é → e), anything else is removed.</summary>
    private static string Ascii(string text) =>
        string.Concat(Fold(text).Where(char.IsAsciiLetterOrDigit));

    private static string Fold(string text) => text.ToLowerInvariant().Normalize(NormalizationForm.FormD);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static readonly HashSet<string> StopWords = ["the", "and", "for", "with", "from", "towards", "toward", "via", "into", "onto", "are", "can", "how", "what", "why", "when", "does"];

    [GeneratedRegex(@"^(?<yy>\d{2})\d{2}\.\d{4,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex NewArxivId();

    [GeneratedRegex(@"[a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex TitleWords();

    [GeneratedRegex(@"\band\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AndWord();
}
