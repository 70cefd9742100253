using Dapper;
using Digest.Core.Papers;
using Digest.Core.Storage.Reading;
using Microsoft.Data.Sqlite;

namespace Digest.Core.Storage;

/// <summary>
/// Reads days, papers and authors for the pages and the JSON API. Read-only: the importer is the only writer.
/// Queries are synchronous on purpose: SQLite does its work on the calling thread either way.
/// </summary>
public sealed class PaperStore(Database database)
{
    private const string EntryColumns = """
        e.date AS Date, e.source AS Source, e.rank AS Rank, p.key AS Key, e.title AS Title, e.title_note AS TitleNote,
        e.authors AS Authors, e.pdf_url AS PdfUrl, e.code_url AS CodeUrl, e.title_en AS TitleEn, e.abstract AS Abstract,
        e.abstract_en AS AbstractEn, e.published AS Published, e.version AS Version, e.flags AS Flags
        """;

    /// <summary>Bumped by every import that changed something.</summary>
    public long DataVersion()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT version FROM data_version WHERE id = 1");
    }

    /// <summary>The newest date any digest covers, or null for an empty database.</summary>
    public string? LatestDate()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<string?>("SELECT MAX(date) FROM digest");
    }

    /// <summary>
    /// A day's digests, every source with its count, and the entries in rank order: of every source, or only of
    /// <paramref name="source"/> when it is set (then the previous and next days are those with papers from it).
    /// </summary>
    public DayDigest? GetDay(DateOnly date, string? source = null)
    {
        var day = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var connection = database.Open();
        var digests = connection.Query<DigestRow>(
            "SELECT source AS Source, state AS State, state_note AS StateNote, entry_count AS Count FROM digest WHERE date = $day ORDER BY source",
            new { day }).ToList();
        if (digests.Count == 0 || (source is not null && digests.All(d => d.Source != source)))
        {
            return null;
        }

        var entries = connection.Query<EntryRow>($"""
            SELECT {EntryColumns},
              CASE WHEN p.entry_count > 1 THEN
                (SELECT group_concat(DISTINCT o.date) FROM entry o WHERE o.paper_id = e.paper_id AND o.date <> e.date)
              END AS OtherDays
            FROM entry e JOIN paper p ON p.id = e.paper_id
            WHERE e.date = $day AND ($source IS NULL OR e.source = $source)
            ORDER BY e.source, e.rank
            """, new { day, source }).Select(r => r.ToEntry()).ToLookup(e => e.Source);

        var sources = digests
            .Select(d => d.ToDigest(entries[d.Source].ToList()))
            .ToList();
        var (previous, next) = AdjacentDays(connection, day, source);
        return new DayDigest { Date = day, Sources = sources, Previous = previous, Next = next };
    }

    /// <summary>The newest <paramref name="count"/> days, newest first; all days when count is null.</summary>
    public IReadOnlyList<DaySummary> GetDays(int? count = null)
    {
        using var connection = database.Open();
        var rows = connection.Query<DigestRow>("""
            SELECT date AS Date, source AS Source, state AS State, state_note AS StateNote, entry_count AS Count FROM digest
            WHERE $count IS NULL OR date >= (SELECT MIN(date) FROM (SELECT DISTINCT date FROM digest ORDER BY date DESC LIMIT $count))
            ORDER BY date DESC, source
            """, new { count });
        return rows.GroupBy(r => r.Date)
            .Select(g => new DaySummary { Date = g.Key, Sources = g.Select(r => r.ToDigest([])).ToList() })
            .ToList();
    }

    /// <summary>
    /// A paper by its key (as stored: lower case, no version), with every place it appeared. The newest
    /// translation wins; a note or English text only an older digest had is kept.
    /// </summary>
    public PaperDetail? GetPaper(string key)
    {
        using var connection = database.Open();
        var paper = connection.QuerySingleOrDefault<PaperRow>("""
            SELECT p.id AS Id, p.key AS Key, p.kind AS Kind, p.title AS Title, p.authors AS Authors,
                   COALESCE(p.title_note, (SELECT e.title_note FROM entry e WHERE e.paper_id = p.id AND e.title_note IS NOT NULL ORDER BY e.date DESC LIMIT 1)) AS TitleNote,
                   COALESCE(p.title_en, (SELECT e.title_en FROM entry e WHERE e.paper_id = p.id AND e.title_en IS NOT NULL ORDER BY e.date DESC LIMIT 1)) AS TitleEn,
                   COALESCE(p.abstract_en, (SELECT e.abstract_en FROM entry e WHERE e.paper_id = p.id AND e.abstract_en IS NOT NULL ORDER BY e.date DESC LIMIT 1)) AS AbstractEn,
                   p.pdf_url AS PdfUrl, p.code_url AS CodeUrl, p.abstract AS Abstract, p.published AS Published, p.version AS Version,
                   p.first_seen AS FirstSeen, p.last_seen AS LastSeen,
                   (SELECT e.flags FROM entry e WHERE e.paper_id = p.id ORDER BY e.date DESC, e.source, e.rank LIMIT 1) AS Flags
            FROM paper p WHERE p.key = $key
            """, new { key });
        if (paper is null)
        {
            return null;
        }

        var appearances = connection.Query<(string Date, string Source, long Rank)>(
            "SELECT date, source, rank FROM entry WHERE paper_id = $id ORDER BY date DESC, source, rank",
            new { id = paper.Id }).Select(a => new Appearance(a.Date, a.Source, (int)a.Rank)).ToList();
        return paper.ToDetail(appearances);
    }

    /// <summary>The entries before and after a paper in one (date, source) digest, or null when it is not in it.</summary>
    public Neighbours? GetNeighbours(string key, string date, string source)
    {
        using var connection = database.Open();
        var here = connection.QuerySingleOrDefault<(long Rank, long Count)?>("""
            SELECT e.rank, d.entry_count FROM entry e JOIN paper p ON p.id = e.paper_id JOIN digest d ON d.id = e.digest_id
            WHERE p.key = $key AND e.date = $date AND e.source = $source ORDER BY e.rank LIMIT 1
            """, new { key, date, source });
        if (here is not { } found)
        {
            return null;
        }

        var rank = (int)found.Rank;
        var around = connection.Query<NeighbourRow>("""
            SELECT p.key AS Key, e.rank AS Rank, e.title AS Title FROM entry e JOIN paper p ON p.id = e.paper_id
            WHERE e.date = $date AND e.source = $source AND e.rank IN ($before, $after)
            """, new { date, source, before = rank - 1, after = rank + 1 }).ToList();
        NeighbourEntry? At(int r) => around.Where(a => a.Rank == r).Select(a => new NeighbourEntry(a.Key, (int)a.Rank, a.Title)).FirstOrDefault();
        return new Neighbours(new Appearance(date, source, rank), (int)found.Count, At(rank - 1), At(rank + 1));
    }

    /// <summary>An author's papers, newest first. The name matches exactly, else ignoring case.</summary>
    public AuthorPapers? GetAuthor(string name)
    {
        using var connection = database.Open();
        var author = connection.QueryFirstOrDefault<(long Id, string Name)?>(
            "SELECT id, name FROM author WHERE name = $name UNION ALL SELECT id, name FROM author WHERE name = $name COLLATE NOCASE LIMIT 1",
            new { name = name.Trim() });
        if (author is not { } found)
        {
            return null;
        }

        var papers = connection.Query<AuthorPaperRow>("""
            SELECT p.key AS Key, p.title AS Title, p.authors AS Authors, MAX(e.date) AS LastSeen, e.source AS LastSource,
                   COUNT(*) AS Appearances
            FROM entry_author ea JOIN entry e ON e.id = ea.entry_id JOIN paper p ON p.id = e.paper_id
            WHERE ea.author_id = $id
            GROUP BY p.id
            ORDER BY LastSeen DESC, p.key
            """, new { id = found.Id }).Select(r => r.ToPaper()).ToList();
        return papers.Count == 0 ? null : new AuthorPapers { Name = found.Name, Papers = papers };
    }

    /// <summary>The numbers /healthz reports.</summary>
    public DatabaseStatus GetStatus()
    {
        using var connection = database.Open();
        var counts = connection.QuerySingle<(long Version, string ChangedAt, long Papers, long Days, long Entries, string? Latest)>("""
            SELECT (SELECT version FROM data_version), (SELECT changed_at FROM data_version), (SELECT COUNT(*) FROM paper),
                   (SELECT COUNT(DISTINCT date) FROM digest), (SELECT COUNT(*) FROM entry), (SELECT MAX(date) FROM digest)
            """);
        return new DatabaseStatus(database.Path, Database.SchemaVersion(connection), Database.LatestSchemaVersion,
            counts.Version, counts.ChangedAt, counts.Papers, counts.Days, counts.Entries, counts.Latest,
            Search.SearchIndexFile.PathFor(database.Path), Search.SearchIndexer.CountPending(connection));
    }

    private static (string? Previous, string? Next) AdjacentDays(SqliteConnection connection, string day, string? source) =>
        connection.QuerySingle<(string?, string?)>("""
            SELECT (SELECT MAX(date) FROM digest WHERE date < $day AND entry_count > 0 AND ($source IS NULL OR source = $source)),
                   (SELECT MIN(date) FROM digest WHERE date > $day AND entry_count > 0 AND ($source IS NULL OR source = $source))
            """, new { day, source });

    private static IReadOnlyList<string> SplitDays(string? days) =>
        string.IsNullOrEmpty(days) ? [] : days.Split(',').Order(StringComparer.Ordinal).ToList();

    private sealed class DigestRow
    {
        public string Date { get; set; } = "";
        public string Source { get; set; } = "";
        public string State { get; set; } = "";
        public string? StateNote { get; set; }
        public long Count { get; set; }

        public SourceDigest ToDigest(IReadOnlyList<DayEntry> entries) =>
            new() { Source = Source, State = State, StateNote = StateNote, Count = (int)Count, Entries = entries };
    }

    private sealed class EntryRow
    {
        public string Date { get; set; } = "";
        public string Source { get; set; } = "";
        public long Rank { get; set; }
        public string Key { get; set; } = "";
        public string Title { get; set; } = "";
        public string? TitleNote { get; set; }
        public string Authors { get; set; } = "[]";
        public string? PdfUrl { get; set; }
        public string? CodeUrl { get; set; }
        public string? TitleEn { get; set; }
        public string? Abstract { get; set; }
        public string? AbstractEn { get; set; }
        public string? Published { get; set; }
        public long? Version { get; set; }
        public string Flags { get; set; } = "[]";
        public string? OtherDays { get; set; }

        public DayEntry ToEntry() => new()
        {
            Date = Date,
            Source = Source,
            Rank = (int)Rank,
            Key = Key,
            Title = Title,
            TitleNote = TitleNote,
            Authors = JsonText.ReadList(Authors),
            PdfUrl = PdfUrl,
            CodeUrl = CodeUrl,
            TitleEn = TitleEn,
            Abstract = Abstract,
            AbstractEn = AbstractEn,
            Published = Published,
            Version = (int?)Version,
            Flags = JsonText.ReadList(Flags),
            OtherDays = SplitDays(OtherDays),
        };
    }

    private sealed class PaperRow
    {
        public long Id { get; set; }
        public string Key { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Title { get; set; } = "";
        public string? TitleNote { get; set; }
        public string Authors { get; set; } = "[]";
        public string? PdfUrl { get; set; }
        public string? CodeUrl { get; set; }
        public string? TitleEn { get; set; }
        public string? Abstract { get; set; }
        public string? AbstractEn { get; set; }
        public string? Published { get; set; }
        public long? Version { get; set; }
        public string FirstSeen { get; set; } = "";
        public string LastSeen { get; set; } = "";
        public string? Flags { get; set; }

        public PaperDetail ToDetail(IReadOnlyList<Appearance> appearances) => new()
        {
            Key = Key,
            Kind = Kind,
            Title = Title,
            TitleNote = TitleNote,
            Authors = JsonText.ReadList(Authors),
            PdfUrl = PdfUrl,
            AbsUrl = Kind switch
            {
                "arxiv" => new PaperKey(Key, PaperKeyKind.Arxiv, null).AbsUrl,
                "doi" => new PaperKey(Key, PaperKeyKind.Doi, null).AbsUrl,
                _ => null,
            },
            CodeUrl = CodeUrl,
            TitleEn = TitleEn,
            Abstract = Abstract,
            AbstractEn = AbstractEn,
            Published = Published,
            Version = (int?)Version,
            Flags = JsonText.ReadList(Flags),
            FirstSeen = FirstSeen,
            LastSeen = LastSeen,
            Appearances = appearances,
        };
    }

    private sealed class NeighbourRow
    {
        public string Key { get; set; } = "";
        public long Rank { get; set; }
        public string Title { get; set; } = "";
    }

    private sealed class AuthorPaperRow
    {
        public string Key { get; set; } = "";
        public string Title { get; set; } = "";
        public string Authors { get; set; } = "[]";
        public string LastSeen { get; set; } = "";
        public string LastSource { get; set; } = "";
        public long Appearances { get; set; }

        public AuthorPaper ToPaper() => new()
        {
            Key = Key,
            Title = Title,
            Authors = JsonText.ReadList(Authors),
            LastSeen = LastSeen,
            LastSource = LastSource,
            Appearances = (int)Appearances,
        };
    }
}
