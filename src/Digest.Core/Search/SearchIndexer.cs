using Dapper;
using Digest.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Digest.Core.Search;

/// <summary>
/// Brings the search index (<see cref="SearchIndexFile"/>) up to date with the entries queued in
/// <c>search_queue</c>, in batches, each one transaction in the index file that also records how far it got. It
/// looks at each queued entry as it is now: an entry that still exists gets its row (again), one that is gone loses
/// it. So a batch can be repeated, and the order of changes within a batch does not matter.
/// </summary>
public sealed class SearchIndexer(Database database)
{
    public const int BatchSize = 2000;

    /// <summary>Indexes everything queued; returns the number of entries looked at.</summary>
    public long CatchUp(CancellationToken cancellationToken = default) => Index(writerDone: null, cancellationToken);

    /// <summary>
    /// Indexes on a thread of its own while <paramref name="writerDone"/> is not finished, then catches up and
    /// returns. The importer writes the database while this writes the index file, each on its own core.
    /// </summary>
    public Task<long> RunAlongside(Task writerDone, CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(() => Index(writerDone, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// Runs batches until one finds nothing queued after the writer (if any) has finished; while the writer goes on,
    /// a short batch means the index has caught up for now, so it waits a little for more.
    /// </summary>
    private long Index(Task? writerDone, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var batch = new Batch(connection);
        long total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Read before the batch: a batch that starts after the writer finished sees every entry it committed.
            var writerFinished = writerDone is null || writerDone.IsCompleted;
            var done = batch.Run();
            total += done;
            if (done == 0 && writerFinished)
            {
                break;
            }

            if (done < BatchSize && !writerFinished)
            {
                writerDone!.Wait(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            }
        }

        if (total > 0)
        {
            Finish(connection);
        }

        return total;
    }

    /// <summary>Entry changes queued after the last one the index holds, counted up to <paramref name="limit"/> if given.</summary>
    public static int CountPending(SqliteConnection connection, int? limit = null) => connection.ExecuteScalar<int>($"""
        SELECT COUNT(*) FROM (SELECT 1 FROM main.search_queue
            WHERE seq > (SELECT indexed_seq FROM search.search_state) {(limit is { } most ? $"LIMIT {most}" : string.Empty)})
        """);

    /// <summary>
    /// Drops the queue rows the index holds, and moves the data version on: pages and searches cached while the
    /// index lagged the import must not outlive it.
    /// </summary>
    private static void Finish(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute("""
            DELETE FROM main.search_queue WHERE seq <= (SELECT indexed_seq FROM search.search_state);
            UPDATE main.data_version SET version = version + 1, changed_at = $now;
            """, new { now = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }, transaction);
        transaction.Commit();
    }

    /// <summary>The prepared statements of one batch, reused from batch to batch on one connection.</summary>
    private sealed class Batch : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _read;
        private readonly SqliteCommand _forget;
        private readonly SqliteCommand _insertText;
        private readonly SqliteCommand _insertEntry;

        public Batch(SqliteConnection connection)
        {
            _connection = connection;
            // Unmapped while indexing: FTS5's merges read most of the index, and mapped every page they read would
            // stay in the importer's resident set (1 GB at a million papers instead of about 200 MB).
            _connection.Execute("PRAGMA search.mmap_size = 0");
            _read = Command("""
                SELECT q.seq, q.entry_id, e.id IS NOT NULL, e.paper_id, e.date, e.source, e.title, e.title_en, e.title_note,
                       e.abstract, e.abstract_en, e.authors
                FROM main.search_queue q LEFT JOIN main.entry e ON e.id = q.entry_id
                WHERE q.seq > (SELECT indexed_seq FROM search.search_state)
                ORDER BY q.seq LIMIT $limit
                """, "$limit");
            _forget = Command("""
                DELETE FROM search.entry_search WHERE rowid = $id AND EXISTS (SELECT 1 FROM search.search_entry WHERE id = $id);
                DELETE FROM search.search_entry WHERE id = $id;
                """, "$id");
            _insertText = Command(
                "INSERT INTO search.entry_search (rowid, title, note, abstract, authors) VALUES ($id, $title, $note, $abstract, $authors)",
                "$id", "$title", "$note", "$abstract", "$authors");
            _insertEntry = Command(
                "INSERT INTO search.search_entry (id, paper_id, date, source) VALUES ($id, $paper, $date, $source)",
                "$id", "$paper", "$date", "$source");
        }

        /// <summary>Indexes up to <see cref="BatchSize"/> queued entries; returns how many it looked at.</summary>
        public int Run()
        {
            var queued = Read();
            if (queued.Count == 0)
            {
                return 0;
            }

            // Deferred: BEGIN IMMEDIATE would take the write lock of every attached file, the database's too, and
            // stop the importer. The first statement writes the index file, so the lock is taken with the busy wait.
            using var transaction = _connection.BeginTransaction(deferred: true);
            foreach (var command in new[] { _forget, _insertText, _insertEntry })
            {
                command.Transaction = transaction;
            }

            // Entry ids above the highest one indexed are new: no row of theirs can be in the index to forget.
            var highestIndexed = _connection.ExecuteScalar<long?>("SELECT MAX(id) FROM search.search_entry", transaction: transaction) ?? 0;
            // Each entry once, the old rows forgotten first and then the new ones written, each in ascending id order:
            // FTS5 flushes its pending terms to a new segment whenever a rowid is not above the one before it, and
            // every extra segment costs another merge later.
            var entries = queued.DistinctBy(e => e.Id).OrderBy(e => e.Id).ToList();
            foreach (var entry in entries.Where(e => e.Id <= highestIndexed))
            {
                Forget(entry.Id);
            }

            foreach (var entry in entries.Where(e => e.Exists))
            {
                Write(entry);
            }

            _connection.Execute("UPDATE search.search_state SET indexed_seq = $seq", new { seq = queued[^1].Seq }, transaction);
            transaction.Commit();
            return queued.Count;
        }

        public void Dispose()
        {
            _connection.Execute($"PRAGMA search.mmap_size = {SearchIndexFile.MappedBytes}");
            _read.Dispose();
            _forget.Dispose();
            _insertText.Dispose();
            _insertEntry.Dispose();
        }

        private List<QueuedEntry> Read()
        {
            _read.Parameters["$limit"].Value = BatchSize;
            var queued = new List<QueuedEntry>(BatchSize);
            using var reader = _read.ExecuteReader();
            while (reader.Read())
            {
                queued.Add(new QueuedEntry(
                    reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2),
                    reader.IsDBNull(3) ? 0 : reader.GetInt64(3), Text(reader, 4), Text(reader, 5), Text(reader, 6),
                    Text(reader, 7), Text(reader, 8), Text(reader, 9), Text(reader, 10), Text(reader, 11)));
            }

            return queued;
        }

        private void Forget(long id)
        {
            _forget.Parameters["$id"].Value = id;
            _forget.ExecuteNonQuery();
        }

        private void Write(QueuedEntry entry)
        {
            var text = _insertText.Parameters;
            text["$id"].Value = entry.Id;
            text["$title"].Value = CjkTokenizer.IndexText(entry.Title, entry.TitleEn);
            text["$note"].Value = CjkTokenizer.IndexText(entry.TitleNote);
            text["$abstract"].Value = CjkTokenizer.IndexText(entry.Abstract, entry.AbstractEn);
            text["$authors"].Value = CjkTokenizer.IndexText(SearchSqlFunctions.AuthorText(entry.Authors));
            _insertText.ExecuteNonQuery();

            var row = _insertEntry.Parameters;
            row["$id"].Value = entry.Id;
            row["$paper"].Value = entry.PaperId;
            row["$date"].Value = entry.Date;
            row["$source"].Value = entry.Source;
            _insertEntry.ExecuteNonQuery();
        }

        private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

        private SqliteCommand Command(string sql, params string[] parameters)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            return command;
        }
    }

    private sealed record QueuedEntry(long Seq, long Id, bool Exists, long PaperId, string? Date, string? Source, string? Title,
        string? TitleEn, string? TitleNote, string? Abstract, string? AbstractEn, string? Authors);
}
