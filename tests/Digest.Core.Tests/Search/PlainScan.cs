using System.Text.RegularExpressions;
using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Tests.Search;

/// <summary>
/// What search should find, computed the slow and obvious way from the entry table: a Chinese term is a substring
/// of the title, note or abstract (Chinese or English); an ASCII term is the start of a word, a word being a
/// maximal run of ASCII letters and digits; <c>author:x</c> is the start of a word of an author name (or a
/// substring, for Chinese). Terms are separated by spaces; <c>-term</c> excludes. A paper matches when one of its
/// entries (within the filters) does.
/// </summary>
public sealed partial class PlainScan
{
    private readonly List<Entry> _entries;

    public PlainScan(Database database)
    {
        using var connection = database.Open();
        _entries = connection.Query<Entry>("""
            SELECT p.key AS Key, e.date AS Date, e.source AS Source, e.title AS Title, e.title_note AS TitleNote,
                   e.title_en AS TitleEn, e.abstract AS Abstract, e.abstract_en AS AbstractEn, e.authors AS Authors
            FROM entry e JOIN paper p ON p.id = e.paper_id
            """).ToList();
        foreach (var entry in _entries)
        {
            entry.AuthorNames = [.. JsonText.ReadList(entry.Authors)];
        }
    }

    public IReadOnlyList<Entry> Entries => _entries;

    public HashSet<string> Find(string query, string? from = null, string? to = null, string? source = null)
    {
        var terms = query.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseTerm).ToList();
        return _entries
            .Where(e => (from is null || string.CompareOrdinal(e.Date, from) >= 0) && (to is null || string.CompareOrdinal(e.Date, to) <= 0)
                        && (source is null || e.Source == source))
            .Where(e => terms.All(t => t.Negated != Matches(e, t)))
            .Select(e => e.Key)
            .ToHashSet();
    }

    private static (bool Negated, bool Author, List<string> Parts) ParseTerm(string term)
    {
        var negated = term.StartsWith('-');
        term = term.TrimStart('-');
        var author = false;
        foreach (var prefix in new[] { "author:", "au:" })
        {
            if (term.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                author = true;
                term = term[prefix.Length..];
            }
        }

        var parts = Parts().Matches(term).Select(m => m.Value).ToList();
        Assert.True(parts.Count > 0 && string.Concat(parts) == term, $"the plain scan only understands ASCII and CJK terms: {term}");
        return (negated, author, parts);
    }

    private static bool Matches(Entry entry, (bool Negated, bool Author, List<string> Parts) term)
    {
        var fields = term.Author
            ? entry.AuthorNames.ToArray<string?>()
            : [entry.Title, entry.TitleNote, entry.TitleEn, entry.Abstract, entry.AbstractEn];
        return term.Parts.All(part => fields.Any(field => FieldMatches(field, part)));
    }

    public static bool FieldMatches(string? field, string part)
    {
        if (string.IsNullOrEmpty(field))
        {
            return false;
        }

        return char.IsAscii(part[0])
            ? Words().Matches(field).Any(word => word.Value.StartsWith(part, StringComparison.OrdinalIgnoreCase))
            : field.ToLowerInvariant().Contains(part.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Words();

    [GeneratedRegex("[A-Za-z0-9]+|[\u3400-\u9fff]+")]
    private static partial Regex Parts();

    public sealed class Entry
    {
        public string Key { get; set; } = "";
        public string Date { get; set; } = "";
        public string Source { get; set; } = "";
        public string Title { get; set; } = "";
        public string? TitleNote { get; set; }
        public string? TitleEn { get; set; }
        public string? Abstract { get; set; }
        public string? AbstractEn { get; set; }
        public string Authors { get; set; } = "[]";
        public List<string> AuthorNames { get; set; } = [];
    }
}
