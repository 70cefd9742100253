using System.Globalization;
using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Stats;

/// <summary>Counts for the stats page, read in one connection.</summary>
public sealed class StatsQuery(Database database)
{
    // Classes with setters, not positional records: on an empty result SQLite reports COUNT(...) as a BLOB column,
    // and Dapper then finds no constructor to match.
    private sealed class DigestRow
    {
        public string Date { get; set; } = "";
        public string Source { get; set; } = "";
        public string State { get; set; } = "";
        public long Entries { get; set; }
    }

    private sealed class SourceRow
    {
        public string Source { get; set; } = "";
        public long Days { get; set; }
        public long Entries { get; set; }
        public long Papers { get; set; }
    }

    private sealed class AuthorRow
    {
        public string Name { get; set; } = "";
        public long Papers { get; set; }
    }

    private sealed record Totals(long Entries, long WithNote, long Failed);

    public StatsReport Get(int topAuthors = 20)
    {
        using var connection = database.Open();
        var perDigest = connection.Query<DigestRow>("""
            SELECT d.date AS Date, d.source AS Source, d.state AS State, COUNT(e.id) AS Entries
            FROM digest d LEFT JOIN entry e ON e.digest_id = d.id
            GROUP BY d.id ORDER BY d.date, d.source
            """).Select(r => new DigestCount(DateOnly.ParseExact(r.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Source, r.State, (int)r.Entries)).ToList();
        var perSource = connection.Query<SourceRow>("""
            SELECT d.source AS Source, COUNT(DISTINCT d.date) AS Days, COUNT(e.id) AS Entries, COUNT(DISTINCT e.paper_id) AS Papers
            FROM digest d LEFT JOIN entry e ON e.digest_id = d.id
            GROUP BY d.source ORDER BY d.source
            """).Select(r => new SourceCount(r.Source, (int)r.Days, (int)r.Entries, (int)r.Papers)).ToList();
        var authors = connection.Query<AuthorRow>("""
            SELECT a.name AS Name, COUNT(DISTINCT e.paper_id) AS Papers
            FROM entry_author ea JOIN author a ON a.id = ea.author_id JOIN entry e ON e.id = ea.entry_id
            WHERE trim(a.name) <> ''
            GROUP BY a.id ORDER BY Papers DESC, a.name LIMIT $top
            """, new { top = topAuthors }).Select(r => new AuthorCount(r.Name, (int)r.Papers)).ToList();
        var totals = connection.QuerySingle<Totals>("""
            SELECT COUNT(*) AS Entries,
                   COALESCE(SUM(e.title_note IS NOT NULL AND trim(e.title_note) <> ''), 0) AS WithNote,
                   COALESCE(SUM(EXISTS (SELECT 1 FROM json_each(e.flags) WHERE json_each.value = 'translation_failed')), 0) AS Failed
            FROM entry e
            """);
        return new StatsReport
        {
            PerDigest = perDigest,
            PerSource = perSource,
            TopAuthors = authors,
            Entries = (int)totals.Entries,
            Papers = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM paper"),
            EntriesWithTitleNote = (int)totals.WithNote,
            EntriesTranslationFailed = (int)totals.Failed,
        };
    }
}
