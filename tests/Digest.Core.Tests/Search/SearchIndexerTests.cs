using Dapper;
using Digest.Core.Import;
using Digest.Core.Search;
using Digest.Core.Storage;
using Digest.Core.Tests.Support;
using static Digest.Core.Tests.Support.DigestText;

namespace Digest.Core.Tests.Search;

/// <summary>The index file beside the database, and the indexer that follows the entry queue into it.</summary>
public sealed class SearchIndexerTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Database _database;

    public SearchIndexerTests() => _database = new Database(_temp.File("digest.db"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_import_leaves_every_entry_in_the_index_file_and_nothing_queued()
    {
        _temp.Write("in/2025-10-22-arxiv.md", Day("arxiv", "2025-10-22", new Paper("遗忘与记忆", "A One", "2510.00001"), new Paper("幻觉", "B Two", "2510.00002")));

        var report = new Importer(_database).Import([_temp.File("in")]);

        Assert.Equal(2, report.EntriesIndexed);
        Assert.True(File.Exists(_temp.File("digest.search.db")));
        using var connection = _database.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM main.search_queue"));
        Assert.Equal(
            connection.Query<long>("SELECT id FROM main.entry ORDER BY id"),
            connection.Query<long>("SELECT id FROM search.search_entry ORDER BY id"));
        Assert.Equal(1, new SearchService(_database).Search(new SearchRequest { Query = "遗忘" }).Total);
    }

    [Fact]
    public void Entries_queued_but_not_indexed_are_caught_up_by_the_next_import()
    {
        var importer = new Importer(_database);
        _temp.Write("in/2025-10-22-arxiv.md", Day("arxiv", "2025-10-22", new Paper("遗忘", "A One", "2510.00001")));
        importer.Import([_temp.File("in")]);
        using (var connection = _database.Open())
        {
            // As if the process had stopped after the importer's commit and before the indexer's.
            connection.Execute("UPDATE entry SET title = '幻觉'");
        }

        var lagging = new SearchService(_database).Search(new SearchRequest { Query = "遗忘" });
        Assert.Equal((1, 1), (lagging.Total, lagging.Pending));
        var report = importer.Import([_temp.File("in")]);

        Assert.Equal(0, report.FilesImported);
        Assert.Equal(1, report.EntriesIndexed);
        var search = new SearchService(_database);
        Assert.Equal(0, search.Search(new SearchRequest { Query = "遗忘" }).Total);
        var found = search.Search(new SearchRequest { Query = "幻觉" });
        Assert.Equal((1, 0), (found.Total, found.Pending));
    }

    [Fact]
    public void A_deleted_index_file_is_made_again_from_every_entry()
    {
        _temp.Write("in/2025-10-22-arxiv.md", Day("arxiv", "2025-10-22", new Paper("遗忘", "A One", "2510.00001"), new Paper("幻觉", "B Two", "2510.00002")));
        new Importer(_database).Import([_temp.File("in")]);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in SearchIndexFile.IndexFiles(_database.Path))
        {
            File.Delete(file);
        }

        Assert.Equal(0, new SearchService(_database).Search(new SearchRequest { Query = "幻觉" }).Total);
        Assert.Equal(2, new SearchIndexer(_database).CatchUp());

        Assert.Equal(1, new SearchService(_database).Search(new SearchRequest { Query = "幻觉" }).Total);
    }

    [Fact]
    public void Catching_up_moves_the_data_version_so_cached_pages_follow_the_index()
    {
        _temp.Write("in/2025-10-22-arxiv.md", Day("arxiv", "2025-10-22", new Paper("遗忘", "A One", "2510.00001")));
        new Importer(_database).Import([_temp.File("in")]);
        var store = new PaperStore(_database);
        var before = store.DataVersion();

        Assert.Equal(0, new SearchIndexer(_database).CatchUp());
        Assert.Equal(before, store.DataVersion());

        using (var connection = _database.Open())
        {
            connection.Execute("UPDATE entry SET title = '幻觉'");
        }

        Assert.Equal(1, new SearchIndexer(_database).CatchUp());
        Assert.Equal(before + 1, store.DataVersion());
    }

    [Fact]
    public void A_batch_goes_into_the_index_as_one_segment_not_one_per_entry()
    {
        // FTS5 starts a new segment whenever a rowid is not above the one written before it; a batch written in any
        // other order than ascending ids leaves about one segment, and one more merge later, per entry.
        var papers = Enumerable.Range(0, 300).Select(i => new Paper($"标题{i}号", $"Author {i}", $"2510.{i:D5}", $"摘要{i}。")).ToArray();
        _temp.Write("in/2025-10-22-arxiv.md", Day("arxiv", "2025-10-22", papers));
        var importer = new Importer(_database);
        importer.Import([_temp.File("in")]);
        var afterNew = Segments();
        // Replaced: each entry's old row is forgotten and its new row written, in the same batch.
        _temp.Write("in/2025-10-22-arxiv.md", Day("arxiv", "2025-10-22", papers.Select(p => p with { Abstract = p.Abstract + "更新。" }).ToArray()));
        Assert.Equal(600, importer.Import([_temp.File("in")]).EntriesIndexed);
        var afterReplaced = Segments();

        Assert.Equal(300, new SearchService(_database).Search(new SearchRequest { Query = "更新" }).Total);
        Assert.Equal((1, 1), (afterNew, afterReplaced));
    }

    [Fact]
    public void Batches_that_keep_coming_share_one_commit_and_become_one_segment()
    {
        using (var connection = _database.Open())
        using (var writer = new SearchBatchWriter(connection))
        {
            writer.Write(Batch(1, 100), moreWaiting: true);
            writer.Write(Batch(101, 200), moreWaiting: true);
            Assert.Equal((0, 0), CommittedElsewhere());

            writer.Write(Batch(201, 300), moreWaiting: false);
            Assert.Equal((300, 300), CommittedElsewhere());
        }

        Assert.Equal(1, Segments());
        Assert.Equal(300, new SearchService(_database).Search(new SearchRequest { Query = "遗忘" }).Total);
    }

    [Fact]
    public void A_writer_stopped_before_its_commit_leaves_the_queue_position_with_the_rows_it_had_not_committed()
    {
        using (var connection = _database.Open())
        using (var writer = new SearchBatchWriter(connection))
        {
            writer.Write(Batch(1, 100), moreWaiting: false);
            writer.Write(Batch(101, 200), moreWaiting: true);
        }

        Assert.Equal((100, 100), CommittedElsewhere());
    }

    /// <summary>How many segments the FTS5 index holds: each is one more to read per term, and to merge later.</summary>
    private long Segments()
    {
        using var connection = _database.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(DISTINCT segid) FROM search.entry_search_idx");
    }

    /// <summary>Entries <paramref name="first"/>..<paramref name="last"/>, queued with the same sequence numbers.</summary>
    private static SearchBatch Batch(long first, long last)
    {
        var entries = new List<IndexedEntry>();
        for (var id = first; id <= last; id++)
        {
            entries.Add(new IndexedEntry(id, Exists: true)
            {
                PaperId = id,
                Date = "2025-10-22",
                Source = "arxiv",
                Title = CjkTokenizer.IndexText($"遗忘{id}"),
                Abstract = CjkTokenizer.IndexText("记忆与遗忘"),
            });
        }

        return new SearchBatch(entries, entries.Count, LastSeq: last);
    }

    /// <summary>How far the index is into the queue, and how many entries it holds, as another connection sees it.</summary>
    private (long IndexedSeq, long Entries) CommittedElsewhere()
    {
        using var other = _database.Open();
        return (other.ExecuteScalar<long>("SELECT indexed_seq FROM search.search_state"), other.ExecuteScalar<long>("SELECT COUNT(*) FROM search.search_entry"));
    }

    [Fact]
    public async Task A_cancelled_catch_up_returns_and_the_next_one_finishes_the_index()
    {
        var papers = Enumerable.Range(0, 300).Select(i => new Paper($"标题{i}号", $"Author {i}", $"2510.{i:D5}")).ToArray();
        _temp.Write("in/2025-10-22-arxiv.md", Day("arxiv", "2025-10-22", papers));
        new Importer(_database).Import([_temp.File("in")]);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in SearchIndexFile.IndexFiles(_database.Path))
        {
            File.Delete(file);
        }

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var stopped = Task.Run(() => new SearchIndexer(_database).CatchUp(cancelled.Token));

        // The reader thread and the writer both stop; nothing waits on the other.
        Assert.Same(stopped, await Task.WhenAny(stopped, Task.Delay(TimeSpan.FromSeconds(30))));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped);
        Assert.Equal(300, new SearchIndexer(_database).CatchUp());
        Assert.Equal(300, new SearchService(_database).Search(new SearchRequest { Query = "标题" }).Total);
    }
}
