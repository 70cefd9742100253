using Dapper;
using Digest.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Digest.Core.Search;

/// <summary>
/// Writes batches of <see cref="SearchQueueReader"/> into the index file. A transaction holds one batch, or several
/// while more are waiting (up to <see cref="EntriesPerCommit"/> entries), and records how far into the queue the
/// index now is. An entry's old row goes and its new row (if it still exists) comes, so a batch can be written again.
/// </summary>
internal sealed class SearchBatchWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _forget;
    private readonly SqliteCommand _insertText;
    private readonly SqliteCommand _insertEntry;
    private const int WritingCacheKib = 32 * 1024;
    private SqliteTransaction? _transaction;
    private int _uncommitted;

    /// <summary>
    /// How many entries a transaction may gather while batches keep coming. FTS5 sorts and writes its pending terms as
    /// a new segment at every commit; in commits of 8,000 entries instead of 2,000 it sorts each term once for four
    /// times the rows, and merges a quarter as many segments (rebuilding a million-row index: 70–75 s → 57–65 s, for
    /// about 25 MB more of pending terms).
    /// </summary>
    public const int EntriesPerCommit = 8000;

    public SearchBatchWriter(SqliteConnection connection)
    {
        _connection = connection;
        // Unmapped while indexing: FTS5's merges read most of the index, and mapped every page they read would
        // stay in the importer's resident set (1 GB at a million papers instead of about 200 MB). A 32 MB page cache
        // instead (SQLite's default is 2 MB) keeps the segments just written at hand for the merges that soon read
        // them again, instead of reading them back from the log (a million-row import: 4 s less kernel time).
        _connection.Execute($"PRAGMA search.mmap_size = 0; PRAGMA search.cache_size = -{WritingCacheKib};");
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

    /// <summary>
    /// Writes the batch; commits unless <paramref name="moreWaiting"/> and the transaction has room for more. With
    /// nothing waiting it commits at once, so searches see an entry as soon as the indexer has caught up with it.
    /// </summary>
    public void Write(SearchBatch batch, bool moreWaiting)
    {
        var transaction = _transaction ??= Begin();

        // Entry ids above the highest one indexed are new: no row of theirs can be in the index to forget. The old
        // rows are forgotten first and the new ones written after, each in ascending id order: FTS5 flushes its
        // pending terms to a new segment whenever a rowid is not above the one before it, and every extra segment
        // costs another merge later.
        var highestIndexed = _connection.ExecuteScalar<long?>("SELECT MAX(id) FROM search.search_entry", transaction: transaction) ?? 0;
        foreach (var entry in batch.Entries.Where(e => e.Id <= highestIndexed))
        {
            _forget.Parameters["$id"].Value = entry.Id;
            _forget.ExecuteNonQuery();
        }

        foreach (var entry in batch.Entries.Where(e => e.Exists))
        {
            Insert(entry);
        }

        // One row by its key: without the WHERE, SQLite runs the UPDATE (of a table with a CHECK) inside a statement
        // savepoint, and at every savepoint FTS5 writes its pending terms out as a segment, mid-transaction.
        _connection.Execute("UPDATE search.search_state SET indexed_seq = $seq WHERE id = 1", new { seq = batch.LastSeq }, transaction);
        _uncommitted += batch.Entries.Count;
        if (!moreWaiting || _uncommitted >= EntriesPerCommit)
        {
            Commit();
        }
    }

    /// <summary>Commits what was written and not yet committed, if anything.</summary>
    public void Commit()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
        _uncommitted = 0;
    }

    /// <summary>Rolls back what was not committed: the queue position goes back with the rows, to be written again.</summary>
    public void Dispose()
    {
        _transaction?.Dispose();
        // The connection goes back to the pool: searches read the file mapped, and need no big cache of their own.
        _connection.Execute($"PRAGMA search.mmap_size = {SearchIndexFile.MappedBytes}; PRAGMA search.cache_size = -{Database.DefaultCacheKib};");
        _forget.Dispose();
        _insertText.Dispose();
        _insertEntry.Dispose();
    }

    private SqliteTransaction Begin()
    {
        // Deferred: BEGIN IMMEDIATE would take the write lock of every attached file, the database's too, and
        // stop the importer. The first statement writes the index file, so the lock is taken with the busy wait.
        var transaction = _connection.BeginTransaction(deferred: true);
        foreach (var command in new[] { _forget, _insertText, _insertEntry })
        {
            command.Transaction = transaction;
        }

        return transaction;
    }

    private void Insert(IndexedEntry entry)
    {
        var text = _insertText.Parameters;
        text["$id"].Value = entry.Id;
        text["$title"].Value = entry.Title;
        text["$note"].Value = entry.Note;
        text["$abstract"].Value = entry.Abstract;
        text["$authors"].Value = entry.Authors;
        _insertText.ExecuteNonQuery();

        var row = _insertEntry.Parameters;
        row["$id"].Value = entry.Id;
        row["$paper"].Value = entry.PaperId;
        row["$date"].Value = entry.Date;
        row["$source"].Value = entry.Source;
        _insertEntry.ExecuteNonQuery();
    }

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
