using System.Globalization;
using System.Text.Json;
using Dapper;
using Digest.Core.Bookmarks;
using Digest.Core.Export;
using Digest.Core.Papers;
using Microsoft.Data.Sqlite;

namespace Digest.Core.Storage;

/// <summary>
/// One reader's bookmarks. Every query is scoped by the reader's hash, so no call can read or change another
/// reader's rows. Writes are short <c>BEGIN IMMEDIATE</c> transactions: the write lock is taken first, so the
/// existence check, the 10,000 limit and the insert are one atomic step, and WAL readers never wait for them.
/// Reads take a <see cref="ReaderHash"/> that may be null (a visitor without a cookie has no bookmarks).
/// </summary>
public sealed class BookmarkStore(Database database, TimeProvider clock)
{
    public const int MaxPerReader = 10_000;

    public BookmarkStore(Database database)
        : this(database, TimeProvider.System)
    {
    }

    /// <summary>Whether the day, section or paper is in the database now.</summary>
    public bool Exists(BookmarkTarget target)
    {
        using var connection = database.Open();
        return TargetExists(connection, null, target);
    }

    public BookmarkOutcome Add(ReaderHash reader, BookmarkTarget target)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var outcome = AddInside(connection, transaction, reader, target);
        transaction.Commit();
        return outcome;
    }

    public BookmarkOutcome Remove(ReaderHash reader, BookmarkTarget target)
    {
        using var connection = database.Open();
        var removed = connection.Execute(
            "DELETE FROM bookmark WHERE reader = $reader AND kind = $kind AND target = $target",
            Key(reader, target));
        return removed > 0 ? BookmarkOutcome.Removed : BookmarkOutcome.NotThere;
    }

    /// <summary>Removes the bookmark if the reader has it, else adds it: Added, Removed, UnknownTarget or LimitReached.</summary>
    public BookmarkOutcome Toggle(ReaderHash reader, BookmarkTarget target)
    {
        using var connection = database.Open();
        // Deferred, and the first statement writes: the same lock as BEGIN IMMEDIATE on the database, without
        // also locking the attached search index file, which the indexer may be writing during an import.
        using var transaction = connection.BeginTransaction(deferred: true);
        var removed = connection.Execute(
            "DELETE FROM bookmark WHERE reader = $reader AND kind = $kind AND target = $target",
            Key(reader, target), transaction);
        var outcome = removed > 0 ? BookmarkOutcome.Removed : AddInside(connection, transaction, reader, target);
        transaction.Commit();
        return outcome;
    }

    public bool IsBookmarked(ReaderHash? reader, BookmarkTarget target) =>
        WhichAreBookmarked(reader, [target]).Count > 0;

    /// <summary>
    /// The targets among <paramref name="targets"/> that the reader has bookmarked, in one query: a day page asks
    /// for its day, its sections and all its papers at once. CROSS JOIN keeps the wanted list as the outer loop,
    /// so each target is one primary-key lookup however many bookmarks the reader holds.
    /// </summary>
    public IReadOnlySet<BookmarkTarget> WhichAreBookmarked(ReaderHash? reader, IEnumerable<BookmarkTarget> targets)
    {
        var wanted = targets.DistinctBy(t => (t.Kind, t.Target)).ToDictionary(t => (t.Kind.Name(), t.Target));
        if (reader is null || wanted.Count == 0)
        {
            return new HashSet<BookmarkTarget>();
        }

        var pairs = JsonSerializer.Serialize(wanted.Keys.Select(k => new[] { k.Item1, k.Item2 }), JsonText.Options);
        using var connection = database.Open();
        var found = connection.Query<(string Kind, string Target)>("""
            SELECT b.kind, b.target
            FROM json_each($pairs) AS w
            CROSS JOIN bookmark AS b ON b.reader = $reader
              AND b.kind = json_extract(w.value, '$[0]') AND b.target = json_extract(w.value, '$[1]')
            """, new { pairs, reader = reader.Value });
        return found.Select(row => wanted[(row.Kind, row.Target)]).ToHashSet();
    }

    public int Count(ReaderHash? reader)
    {
        if (reader is null)
        {
            return 0;
        }

        using var connection = database.Open();
        return CountInside(connection, null, reader);
    }

    /// <summary>The reader's days and sections with their paper counts, and papers with what a list shows; newest bookmark first.</summary>
    public BookmarkList List(ReaderHash? reader)
    {
        if (reader is null)
        {
            return BookmarkList.Empty;
        }

        using var connection = database.Open();
        var dayRows = connection.Query<(string Kind, string Target, string CreatedAt, string? Source, string? State, int? Entries)>("""
            SELECT b.kind, b.target, b.created_at, d.source, d.state, d.entry_count
            FROM bookmark AS b
            LEFT JOIN digest AS d ON d.date = substr(b.target, 1, 10)
              AND (b.kind = 'day' OR d.source = substr(b.target, 12))
            WHERE b.reader = $reader AND b.kind IN ('day', 'section')
            ORDER BY b.created_at DESC, b.target DESC, d.source
            """, new { reader = reader.Value });
        var days = dayRows
            .GroupBy(row => (row.Kind, row.Target, row.CreatedAt))
            .Select(group => new BookmarkedDay(
                Stored(group.Key.Kind, group.Key.Target),
                ParseTime(group.Key.CreatedAt),
                group.Where(row => row.Source is not null)
                    .Select(row => new SourcePaperCount(row.Source!, row.State!, row.Entries ?? 0))
                    .ToList()))
            .ToList();

        var papers = connection.Query<(string Target, string CreatedAt, string? Title, string? TitleEn, string? Authors, string? PdfUrl, string? Kind, string? LastSeen)>("""
            SELECT b.target, b.created_at, p.title, p.title_en, p.authors, p.pdf_url, p.kind, p.last_seen
            FROM bookmark AS b
            LEFT JOIN paper AS p ON p.key = b.target
            WHERE b.reader = $reader AND b.kind = 'paper'
            ORDER BY b.created_at DESC, b.target DESC
            """, new { reader = reader.Value })
            .Select(row => new BookmarkedPaper(
                Stored("paper", row.Target),
                ParseTime(row.CreatedAt),
                row.Title,
                row.TitleEn,
                JsonText.ReadList(row.Authors),
                row.PdfUrl,
                AbsUrl(row.Kind, row.Target),
                row.LastSeen is null ? null : DateOnly.ParseExact(row.LastSeen, "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();
        return new BookmarkList(days, papers);
    }

    /// <summary>The reader's bookmarks as a versioned JSON document that <see cref="ImportJson"/> reads back.</summary>
    public string ExportJson(ReaderHash? reader)
    {
        var rows = new List<BookmarkDocument.Item>();
        if (reader is not null)
        {
            using var connection = database.Open();
            rows.AddRange(connection.Query<(string Kind, string Target, string CreatedAt)>(
                "SELECT kind, target, created_at FROM bookmark WHERE reader = $reader ORDER BY created_at DESC, kind, target",
                new { reader = reader.Value })
                .Select(row => new BookmarkDocument.Item(row.Kind, row.Target, row.CreatedAt)));
        }

        return BookmarkDocument.Write(Now(), rows);
    }

    /// <summary>
    /// Merges an exported document into the reader's bookmarks: new ones are added with their original time, ones
    /// the reader has are kept as they are, unknown and malformed items are skipped and reported, and nothing goes
    /// past <see cref="MaxPerReader"/>. A document that is not a version-1 bookmark export throws
    /// <see cref="BookmarkImportException"/> before anything is written.
    /// </summary>
    public BookmarkImportReport ImportJson(ReaderHash reader, string json)
    {
        var document = BookmarkDocument.Read(json);
        var now = Now();
        var report = new BookmarkImportReport { Invalid = document.Invalid };
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var count = CountInside(connection, transaction, reader);
        foreach (var (target, createdAt) in document.Items)
        {
            if (!TargetExists(connection, transaction, target))
            {
                report.Unknown.Add(target.ToString());
                continue;
            }

            if (Has(connection, transaction, reader, target))
            {
                report.AlreadyThere++;
                continue;
            }

            if (count >= MaxPerReader)
            {
                report.OverLimit++;
                continue;
            }

            Insert(connection, transaction, reader, target, createdAt is { } at && at < now ? at : now);
            report.Added++;
            count++;
        }

        transaction.Commit();
        return report;
    }

    /// <summary>The reader's bookmarked papers that still exist, newest bookmark first, as BibTeX entries.</summary>
    public string ExportBibTex(ReaderHash? reader)
    {
        if (reader is null)
        {
            return "";
        }

        using var connection = database.Open();
        var papers = connection.Query<CitationRow>("""
            SELECT p.key AS Key, p.kind AS Kind, p.title AS Title, p.title_en AS TitleEn, p.authors AS Authors,
                   p.first_seen AS FirstSeen, p.pdf_url AS PdfUrl, p.published AS Published
            FROM bookmark AS b
            JOIN paper AS p ON p.key = b.target
            WHERE b.reader = $reader AND b.kind = 'paper'
            ORDER BY b.created_at DESC, b.target DESC
            """, new { reader = reader.Value })
            .Select(r => new BibTexPaper(r.Key, r.Kind, r.Title, r.TitleEn, JsonText.ReadList(r.Authors), r.FirstSeen ?? "", r.PdfUrl, r.Published));
        return BibTexWriter.Write(papers);
    }

    internal static bool TargetExists(SqliteConnection connection, SqliteTransaction? transaction, BookmarkTarget target)
    {
        var sql = target.Kind switch
        {
            BookmarkKind.Day => "SELECT EXISTS (SELECT 1 FROM digest WHERE date = $date)",
            BookmarkKind.Section => "SELECT EXISTS (SELECT 1 FROM digest WHERE date = $date AND source = $source)",
            _ => "SELECT EXISTS (SELECT 1 FROM paper WHERE key = $key)",
        };
        var date = target.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return connection.ExecuteScalar<bool>(sql, new { date, source = target.Source, key = target.Target }, transaction);
    }

    internal static int CountInside(SqliteConnection connection, SqliteTransaction? transaction, ReaderHash reader) =>
        connection.ExecuteScalar<int>("SELECT COUNT(*) FROM bookmark WHERE reader = $reader", new { reader = reader.Value }, transaction);

    internal static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private BookmarkOutcome AddInside(SqliteConnection connection, SqliteTransaction transaction, ReaderHash reader, BookmarkTarget target)
    {
        if (!TargetExists(connection, transaction, target))
        {
            return BookmarkOutcome.UnknownTarget;
        }

        if (Has(connection, transaction, reader, target))
        {
            return BookmarkOutcome.AlreadyThere;
        }

        if (CountInside(connection, transaction, reader) >= MaxPerReader)
        {
            return BookmarkOutcome.LimitReached;
        }

        Insert(connection, transaction, reader, target, Now());
        return BookmarkOutcome.Added;
    }

    private static bool Has(SqliteConnection connection, SqliteTransaction transaction, ReaderHash reader, BookmarkTarget target) =>
        connection.ExecuteScalar<bool>(
            "SELECT EXISTS (SELECT 1 FROM bookmark WHERE reader = $reader AND kind = $kind AND target = $target)",
            Key(reader, target), transaction);

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, ReaderHash reader, BookmarkTarget target, DateTimeOffset createdAt) =>
        connection.Execute(
            "INSERT INTO bookmark (reader, kind, target, created_at) VALUES ($reader, $kind, $target, $createdAt)",
            new { reader = reader.Value, kind = target.Kind.Name(), target = target.Target, createdAt = FormatTime(createdAt) },
            transaction);

    private static object Key(ReaderHash reader, BookmarkTarget target) =>
        new { reader = reader.Value, kind = target.Kind.Name(), target = target.Target };

    private static BookmarkTarget Stored(string kind, string target) =>
        BookmarkTarget.TryParse(kind, target) ?? throw new InvalidOperationException($"a stored bookmark is malformed: {kind}:{target}");

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string? AbsUrl(string? kind, string key) => kind switch
    {
        "arxiv" => new PaperKey(key, PaperKeyKind.Arxiv, null).AbsUrl,
        "doi" => new PaperKey(key, PaperKeyKind.Doi, null).AbsUrl,
        _ => null,
    };

    private DateTimeOffset Now() => clock.GetUtcNow();

    private sealed record CitationRow(string Key, string Kind, string Title, string? TitleEn, string? Authors, string? FirstSeen, string? PdfUrl, string? Published);
}
