using Dapper;
using Digest.Core.Papers;
using Microsoft.Data.Sqlite;

namespace Digest.Core.Import;

/// <summary>
/// Writes one file's digests inside the caller's transaction: replaces each digest the file wins, with its
/// entries, papers and authors, and tells new, updated and unchanged entries apart.
/// </summary>
internal sealed class DigestWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _insertEntry;
    private readonly SqliteCommand _upsertPaper;
    private readonly SqliteCommand _upsertAuthor;
    private readonly SqliteCommand _insertEntryAuthor;
    private const int MaxCachedAuthors = 200_000;
    private readonly Dictionary<string, long> _authorIds;

    /// <param name="authorIds">Author ids known from earlier files of the same run; the writer adds to it.</param>
    public DigestWriter(SqliteConnection connection, SqliteTransaction transaction, Dictionary<string, long> authorIds)
    {
        _authorIds = authorIds;
        _connection = connection;
        _transaction = transaction;
        _connection.Execute("CREATE TEMP TABLE IF NOT EXISTS touched_paper (id INTEGER PRIMARY KEY)", transaction: transaction);
        _insertEntry = Prepare("""
            INSERT INTO entry (digest_id, paper_id, date, source, rank, line, title, title_note, authors, pdf_url, code_url,
                               title_en, abstract, abstract_en, published, version, flags, extra, row_hash)
            VALUES ($digest, $paper, $date, $source, $rank, $line, $title, $note, $authors, $pdf, $code,
                    $title_en, $abstract, $abstract_en, $published, $version, $flags, $extra, $hash)
            RETURNING id
            """);
        _upsertPaper = Prepare("""
            INSERT INTO paper (key, kind, version, title, title_note, title_en, abstract, abstract_en, authors, pdf_url, code_url,
                               published, first_seen, last_seen, entry_count)
            VALUES ($key, $kind, $version, $title, $note, $title_en, $abstract, $abstract_en, $authors, $pdf, $code,
                    $published, $date, $date, 1)
            ON CONFLICT (key) DO UPDATE SET
              (version, title, title_note, title_en, abstract, abstract_en, authors, pdf_url, code_url, published) =
                (SELECT CASE WHEN excluded.last_seen > paper.last_seen THEN excluded.version ELSE paper.version END,
                        CASE WHEN excluded.last_seen > paper.last_seen THEN excluded.title ELSE paper.title END,
                        CASE WHEN excluded.last_seen > paper.last_seen THEN excluded.title_note ELSE paper.title_note END,
                        CASE WHEN excluded.last_seen > paper.last_seen THEN excluded.title_en ELSE paper.title_en END,
                        CASE WHEN excluded.last_seen > paper.last_seen THEN excluded.abstract ELSE paper.abstract END,
                        CASE WHEN excluded.last_seen > paper.last_seen THEN excluded.abstract_en ELSE paper.abstract_en END,
                        CASE WHEN excluded.last_seen > paper.last_seen THEN excluded.authors ELSE paper.authors END,
                        CASE WHEN excluded.last_seen > paper.last_seen THEN excluded.pdf_url ELSE paper.pdf_url END,
                        CASE WHEN excluded.last_seen > paper.last_seen THEN excluded.code_url ELSE paper.code_url END,
                        CASE WHEN excluded.last_seen > paper.last_seen THEN excluded.published ELSE paper.published END),
              first_seen = MIN(paper.first_seen, excluded.first_seen),
              last_seen = MAX(paper.last_seen, excluded.last_seen),
              entry_count = paper.entry_count + 1
            RETURNING id
            """);
        _upsertAuthor = Prepare("INSERT INTO author (name) VALUES ($name) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id");
        _insertEntryAuthor = Prepare("INSERT INTO entry_author (entry_id, author_id, position) VALUES ($entry, $author, $position)");
    }

    public record struct Counts(int New, int Updated, int Unchanged, int Removed);

    /// <summary>Replaces the (date, source) digest with this section's rows.</summary>
    public Counts ReplaceDigest(long fileId, DigestSection section, IReadOnlyList<EntryRecord> records, string importedAt)
    {
        var date = section.Date.ToString("yyyy-MM-dd");
        var previous = _connection.Query<(string Key, string Hash)>(
            "SELECT p.key, e.row_hash FROM entry e JOIN paper p ON p.id = e.paper_id JOIN digest d ON d.id = e.digest_id WHERE d.date = $date AND d.source = $source",
            new { date, source = section.Source }, _transaction).ToList();
        _connection.Execute("""
            INSERT OR IGNORE INTO touched_paper (id)
              SELECT e.paper_id FROM entry e JOIN digest d ON d.id = e.digest_id WHERE d.date = $date AND d.source = $source;
            DELETE FROM entry WHERE digest_id = (SELECT id FROM digest WHERE date = $date AND source = $source);
            """, new { date, source = section.Source }, _transaction);
        var digestId = _connection.ExecuteScalar<long>("""
            INSERT INTO digest (date, source, state, state_note, file_id, kind, line, entry_count, imported_at)
            VALUES ($date, $source, $state, $note, $file, $kind, $line, $count, $at)
            ON CONFLICT (date, source) DO UPDATE SET state = excluded.state, state_note = excluded.state_note,
              file_id = excluded.file_id, kind = excluded.kind, line = excluded.line, entry_count = excluded.entry_count,
              imported_at = excluded.imported_at
            RETURNING id
            """, new
        {
            date,
            source = section.Source,
            state = StateName(section.State),
            note = section.StateNote,
            file = fileId,
            kind = (int)section.Kind,
            line = section.Line,
            count = records.Count,
            at = importedAt,
        }, _transaction);

        foreach (var record in records)
        {
            InsertEntry(digestId, date, section.Source, record);
        }

        return Compare(previous, records);
    }

    /// <summary>Deletes a digest this file used to hold but no longer does.</summary>
    public int RemoveDigest(long digestId)
    {
        _connection.Execute("INSERT OR IGNORE INTO touched_paper (id) SELECT paper_id FROM entry WHERE digest_id = $digestId", new { digestId }, _transaction);
        var removed = _connection.Execute("DELETE FROM entry WHERE digest_id = $digestId", new { digestId }, _transaction);
        _connection.Execute("DELETE FROM digest WHERE id = $digestId", new { digestId }, _transaction);
        return removed;
    }

    /// <summary>
    /// Brings every paper that lost an entry in this transaction in line with its remaining entries: newest
    /// translation, days seen. Papers that only gained entries are kept up to date by the upsert itself.
    /// </summary>
    public void RefreshTouchedPapers()
    {
        _connection.Execute("""
            DELETE FROM paper WHERE id IN (SELECT id FROM touched_paper)
              AND NOT EXISTS (SELECT 1 FROM entry WHERE entry.paper_id = paper.id);
            UPDATE paper SET
              (title, title_note, title_en, abstract, abstract_en, authors, pdf_url, code_url, published, version) =
                (SELECT e.title, e.title_note, e.title_en, e.abstract, e.abstract_en, e.authors, e.pdf_url, e.code_url, e.published, e.version
                   FROM entry e WHERE e.paper_id = paper.id ORDER BY e.date DESC, e.source, e.rank LIMIT 1),
              (first_seen, last_seen, entry_count) =
                (SELECT MIN(e.date), MAX(e.date), COUNT(*) FROM entry e WHERE e.paper_id = paper.id)
            WHERE id IN (SELECT id FROM touched_paper);
            DELETE FROM touched_paper;
            """, transaction: _transaction);
    }

    public void Dispose()
    {
        _insertEntry.Dispose();
        _upsertPaper.Dispose();
        _upsertAuthor.Dispose();
        _insertEntryAuthor.Dispose();
    }

    internal static string StateName(DigestState state) => state switch
    {
        DigestState.Papers => "papers",
        DigestState.NoPapers => "no_papers",
        DigestState.FetchFailed => "fetch_failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    private void InsertEntry(long digestId, string date, string source, EntryRecord record)
    {
        var row = record.Row;
        var paper = _upsertPaper.Parameters;
        paper["$key"].Value = record.Key.Value;
        paper["$kind"].Value = record.Key.Kind.ToString().ToLowerInvariant();
        paper["$version"].Value = (object?)record.Key.Version ?? DBNull.Value;
        paper["$title"].Value = row.Title;
        paper["$note"].Value = (object?)row.TitleNote ?? DBNull.Value;
        paper["$title_en"].Value = (object?)row.TitleEn ?? DBNull.Value;
        paper["$abstract"].Value = (object?)row.Abstract ?? DBNull.Value;
        paper["$abstract_en"].Value = (object?)row.AbstractEn ?? DBNull.Value;
        paper["$authors"].Value = record.AuthorsJson;
        paper["$pdf"].Value = (object?)row.PdfUrl ?? DBNull.Value;
        paper["$code"].Value = (object?)row.CodeUrl ?? DBNull.Value;
        paper["$published"].Value = (object?)row.Published ?? DBNull.Value;
        paper["$date"].Value = date;
        var paperId = (long)_upsertPaper.ExecuteScalar()!;

        var p = _insertEntry.Parameters;
        p["$digest"].Value = digestId;
        p["$paper"].Value = paperId;
        p["$date"].Value = date;
        p["$source"].Value = source;
        p["$rank"].Value = record.Rank;
        p["$line"].Value = row.Line;
        p["$title"].Value = row.Title;
        p["$note"].Value = (object?)row.TitleNote ?? DBNull.Value;
        p["$authors"].Value = record.AuthorsJson;
        p["$pdf"].Value = (object?)row.PdfUrl ?? DBNull.Value;
        p["$code"].Value = (object?)row.CodeUrl ?? DBNull.Value;
        p["$title_en"].Value = (object?)row.TitleEn ?? DBNull.Value;
        p["$abstract"].Value = (object?)row.Abstract ?? DBNull.Value;
        p["$abstract_en"].Value = (object?)row.AbstractEn ?? DBNull.Value;
        p["$published"].Value = (object?)row.Published ?? DBNull.Value;
        p["$version"].Value = (object?)record.Key.Version ?? DBNull.Value;
        p["$flags"].Value = record.FlagsJson;
        p["$extra"].Value = (object?)record.ExtraJson ?? DBNull.Value;
        p["$hash"].Value = record.RowHash;
        var entryId = (long)_insertEntry.ExecuteScalar()!;

        for (var position = 0; position < row.Authors.Count; position++)
        {
            _insertEntryAuthor.Parameters["$entry"].Value = entryId;
            _insertEntryAuthor.Parameters["$author"].Value = AuthorId(row.Authors[position]);
            _insertEntryAuthor.Parameters["$position"].Value = position;
            _insertEntryAuthor.ExecuteNonQuery();
        }
    }

    private long AuthorId(string name)
    {
        if (_authorIds.TryGetValue(name, out var id))
        {
            return id;
        }

        _upsertAuthor.Parameters["$name"].Value = name;
        id = (long)_upsertAuthor.ExecuteScalar()!;
        if (_authorIds.Count < MaxCachedAuthors)
        {
            _authorIds[name] = id;
        }

        return id;
    }

    private static Counts Compare(List<(string Key, string Hash)> previous, IReadOnlyList<EntryRecord> records)
    {
        var before = previous.ToLookup(p => p.Key, p => p.Hash, StringComparer.Ordinal);
        var after = records.ToLookup(r => r.Key.Value, r => r.RowHash, StringComparer.Ordinal);
        int @new = 0, updated = 0, unchanged = 0;
        foreach (var group in after)
        {
            var old = before[group.Key].ToList();
            foreach (var hash in group)
            {
                if (old.Remove(hash))
                {
                    unchanged++;
                }
                else if (old.Count > 0)
                {
                    old.RemoveAt(0);
                    updated++;
                }
                else
                {
                    @new++;
                }
            }
        }

        var removed = Math.Max(0, previous.Count - unchanged - updated);
        return new Counts(@new, updated, unchanged, removed);
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$[a-z_]+").Select(m => m.Value).Distinct())
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }
}
