using System.Collections.Concurrent;
using Dapper;
using Digest.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Digest.Core.Search;

/// <summary>
/// Brings the search index (<see cref="SearchIndexFile"/>) up to date with the entries queued in
/// <c>search_queue</c>, in batches (<see cref="SearchQueueReader"/>), each one transaction in the index file that
/// also records how far it got (<see cref="SearchBatchWriter"/>). It looks at each queued entry as it is now: an
/// entry that still exists gets its row (again), one that is gone loses it. So a batch can be repeated, and the
/// order of changes within a batch does not matter.
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
    /// Writes batches into the index until the reader runs out after the writer (if any) has finished. The reader
    /// reads queued entries and makes their tokens on a thread of its own, a batch or two ahead: FTS5 takes one
    /// writer, and the work around it need not wait for it.
    /// </summary>
    private long Index(Task? writerDone, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var batches = new BlockingCollection<SearchBatch>(boundedCapacity: 2);
        var reading = Task.Factory.StartNew(() => new SearchQueueReader(database).ReadInto(batches, writerDone, stop.Token),
            stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            using var connection = database.Open();
            long total = 0;
            using (var writer = new SearchBatchWriter(connection))
            {
                foreach (var batch in batches.GetConsumingEnumerable(stop.Token))
                {
                    writer.Write(batch, moreWaiting: batches.Count > 0);
                    total += batch.Queued;
                }

                writer.Commit();
            }

            // The reader ends the batches when it is done or has failed; a failure surfaces here.
            reading.GetAwaiter().GetResult();
            if (total > 0)
            {
                Finish(connection);
            }

            return total;
        }
        finally
        {
            stop.Cancel();
            Task.WaitAny(reading);
        }
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
}
