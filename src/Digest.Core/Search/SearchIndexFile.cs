using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Dapper;
using Digest.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Digest.Core.Search;

/// <summary>
/// The search index's own SQLite file beside the database (<c>digest.db</c> → <c>digest.search.db</c>), attached to
/// every connection as <c>search</c>. Its tables have names no other schema uses, so queries name them unqualified.
/// <list type="bullet">
/// <item><c>entry_search</c>: contentless FTS5, one row per entry (rowid = entry.id), of <see cref="CjkTokenizer"/> tokens.</item>
/// <item><c>search_entry</c>: what a search needs of each matching entry, in rows of a few dozen bytes.</item>
/// <item><c>search_state</c>: the tokens' version and how far into the database's <c>search_queue</c> the index is.</item>
/// </list>
/// The file can be deleted at any time: the next connection makes it again and queues every entry for the indexer.
/// </summary>
public static class SearchIndexFile
{
    public const string Schema = "search";

    /// <summary>
    /// How much of the index file searches read mapped (SQLite caps it at 2 GB). Mapped pages a search touched count
    /// toward the process's resident set, as the operating system's file cache they are.
    /// </summary>
    public const long MappedBytes = 4L << 30;

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, string> AttachedHandles = new();

    private const string CreateTables = """
        CREATE VIRTUAL TABLE search.entry_search USING fts5(
            title, note, abstract, authors, content = '', contentless_delete = 1, tokenize = 'ascii');
        -- Fewer, larger merges: a level is merged once 16 segments wait in it (default 4), and a writer only stops
        -- to merge at 64 (default 16). Queries read a few more segments per term.
        INSERT INTO search.entry_search (entry_search, rank) VALUES ('automerge', 16);
        INSERT INTO search.entry_search (entry_search, rank) VALUES ('crisismerge', 64);
        -- Pending terms may fill 16 MB (default 1 MB) before FTS5 writes them out, so that one commit of the indexer
        -- (SearchBatchWriter.EntriesPerCommit) becomes one segment rather than several.
        INSERT INTO search.entry_search (entry_search, rank) VALUES ('hashsize', 16777216);
        -- The index's terms, for expanding a word prefix (llm → llm, llms) into exact terms FTS5 can read lazily.
        CREATE VIRTUAL TABLE search.entry_search_vocab USING fts5vocab(entry_search, 'row');
        CREATE TABLE search.search_entry (
            id        INTEGER PRIMARY KEY,   -- entry.id, the FTS rowid
            paper_id  INTEGER NOT NULL,
            date      TEXT NOT NULL,
            source    TEXT NOT NULL);
        -- Newest-first search walks the days from the newest and seeks to each day's range of entry ids.
        CREATE INDEX search.search_entry_date ON search_entry (date, id);
        CREATE TABLE search.search_state (
            id           INTEGER PRIMARY KEY CHECK (id = 1),
            tokens       INTEGER NOT NULL,   -- CjkTokenizer.Version the rows were made with
            indexed_seq  INTEGER NOT NULL);  -- every search_queue row up to here is in the index
        """;

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Every connection, whoever opens it, must see the index.")]
    internal static void AttachOnEveryConnection() => Database.OnEveryConnection(Attach, afterMigrations: true);

    /// <summary>The index file of the database at <paramref name="databasePath"/>.</summary>
    public static string PathFor(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(databasePath) ?? string.Empty,
            Path.GetFileNameWithoutExtension(databasePath) + ".search" + (Path.HasExtension(databasePath) ? Path.GetExtension(databasePath) : ".db"));

    /// <summary>
    /// Every file of the database at <paramref name="databasePath"/> and of its index, WAL and shared memory
    /// included: what to delete to remove the database whole.
    /// </summary>
    public static IEnumerable<string> AllFiles(string databasePath) => WithJournals(databasePath).Concat(IndexFiles(databasePath));

    /// <summary>The index file with its WAL and shared memory: what to delete to drop the index, which is then rebuilt.</summary>
    public static IEnumerable<string> IndexFiles(string databasePath) => WithJournals(PathFor(databasePath));

    private static IEnumerable<string> WithJournals(string file) => new[] { string.Empty, "-wal", "-shm" }.Select(suffix => file + suffix);

    /// <summary>
    /// Attaches the index file unless this (pooled) connection already has it, and makes it current: a missing
    /// file, or one made with other tokens, starts empty with every entry queued.
    /// </summary>
    public static void Attach(SqliteConnection connection)
    {
        // Pooled connections keep their native handle, and with it the attachment: remember the handles instead of
        // asking SQLite on every open, which every page request does.
        if (AttachedHandles.TryGetValue(connection.Handle!, out _))
        {
            return;
        }

        connection.Execute("ATTACH DATABASE $path AS search", new { path = PathFor(connection.DataSource) });
        // A search that counts 10,000 papers looks up 10,000 search_entry rows spread over the whole table: through
        // SQLite's 2 MB page cache most lookups were reads from the file (15–20 ms for such a count). Mapped, the
        // index file's pages are read in place from the operating system's cache, which all connections share.
        connection.Execute($"PRAGMA search.journal_mode = WAL; PRAGMA search.synchronous = NORMAL; PRAGMA search.mmap_size = {MappedBytes};");
        var made = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM search.sqlite_schema WHERE name = 'search_state'") > 0;
        if (!made || connection.ExecuteScalar<long?>("SELECT tokens FROM search.search_state") != CjkTokenizer.Version)
        {
            Rebuild(connection);
        }

        AttachedHandles.AddOrUpdate(connection.Handle!, Schema);
    }

    /// <summary>
    /// Empties the index and queues every entry. The queue is written first: should the process stop between
    /// the two files' commits, the old state still says "rebuild" and the next connection does it again.
    /// </summary>
    private static void Rebuild(SqliteConnection connection)
    {
        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("DELETE FROM main.search_queue; INSERT INTO main.search_queue (entry_id) SELECT id FROM main.entry ORDER BY id;", transaction: transaction);
            transaction.Commit();
        }

        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("""
                DROP TABLE IF EXISTS search.entry_search_vocab;
                DROP TABLE IF EXISTS search.entry_search;
                DROP TABLE IF EXISTS search.search_entry;
                DROP TABLE IF EXISTS search.search_state;
                """, transaction: transaction);
            connection.Execute(CreateTables, transaction: transaction);
            connection.Execute("INSERT INTO search.search_state (id, tokens, indexed_seq) VALUES (1, $tokens, 0)",
                new { tokens = CjkTokenizer.Version }, transaction);
            transaction.Commit();
        }
    }
}
