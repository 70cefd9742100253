using Dapper;
using Digest.Core.Import;
using Digest.Core.Search;
using Digest.Core.Storage;
using Digest.Core.Tests.Support;

namespace Digest.Core.Tests.Storage;

/// <summary>Process-wide SQLite settings that <see cref="Database"/> makes before SQLite's first use.</summary>
public sealed class DatabaseSettingsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SQLite_keeps_no_memory_statistics_so_threads_writing_different_files_do_not_share_a_mutex()
    {
        using var connection = new Database(_temp.File("settings.db")).Open();
        connection.Execute("CREATE TABLE t (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO t SELECT hex(randomblob(500)) FROM n;");

        // With statistics on, every allocation adds to this figure under SQLite's one memory mutex; off, it stays 0.
        Assert.Equal(0, SQLitePCL.raw.sqlite3_memory_used());
        Assert.Equal(200, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM t"));
    }

    [Fact]
    public void Connections_an_import_used_go_back_to_the_pool_with_the_page_cache_searches_expect()
    {
        var database = new Database(_temp.File("pool.db"));
        var report = new Importer(database).Import([RepoPaths.Seeds]);
        Assert.True(report.EntriesNew > 0);

        // Hold as many connections as the import and its indexer could have returned, so each pooled one is seen.
        var connections = Enumerable.Range(0, 4).Select(_ => database.Open()).ToList();
        try
        {
            foreach (var connection in connections)
            {
                Assert.Equal(-2000, connection.ExecuteScalar<long>("PRAGMA main.cache_size"));
                Assert.Equal(-2000, connection.ExecuteScalar<long>("PRAGMA search.cache_size"));
                Assert.Equal(1000, connection.ExecuteScalar<long>("PRAGMA wal_autocheckpoint"));
                Assert.True(connection.ExecuteScalar<long>("PRAGMA search.mmap_size") > 0, "searches read the index file mapped");
            }
        }
        finally
        {
            connections.ForEach(c => c.Dispose());
        }
    }
}
