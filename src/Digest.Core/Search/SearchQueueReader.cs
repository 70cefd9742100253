using System.Collections.Concurrent;
using Dapper;
using Digest.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Digest.Core.Search;

/// <summary>
/// Reads the entry changes queued after the index's position, a batch at a time, each entry as it is now, and
/// makes its index tokens, for <see cref="SearchBatchWriter"/> to write. It reads ahead of what the index holds, so
/// it follows the queue by its own position; an entry changed after it was read is queued again, and read again.
/// </summary>
internal sealed class SearchQueueReader(Database database)
{
    /// <summary>
    /// Adds batches until one finds nothing queued after the writer (if any) has finished; while the writer goes on,
    /// a short batch means the queue is empty for now, so it waits a little for more. Ends the batches either way.
    /// </summary>
    public void ReadInto(BlockingCollection<SearchBatch> batches, Task? writerDone, CancellationToken cancellationToken)
    {
        try
        {
            using var connection = database.Open();
            using var read = connection.CreateCommand();
            read.CommandText = """
                SELECT q.seq, q.entry_id, e.id IS NOT NULL, e.paper_id, e.date, e.source, e.title, e.title_en, e.title_note,
                       e.abstract, e.abstract_en, e.authors
                FROM main.search_queue q LEFT JOIN main.entry e ON e.id = q.entry_id
                WHERE q.seq > $after
                ORDER BY q.seq LIMIT $limit
                """;
            var after = read.Parameters.Add(new SqliteParameter("$after", connection.ExecuteScalar<long>("SELECT indexed_seq FROM search.search_state")));
            read.Parameters.Add(new SqliteParameter("$limit", SearchIndexer.BatchSize));
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Read before the batch: a batch that starts after the writer finished sees every entry it committed.
                var writerFinished = writerDone is null || writerDone.IsCompleted;
                var batch = Read(read);
                if (batch.Queued > 0)
                {
                    batches.Add(batch, cancellationToken);
                    after.Value = batch.LastSeq;
                }
                else if (writerFinished)
                {
                    return;
                }

                if (batch.Queued < SearchIndexer.BatchSize && !writerFinished)
                {
                    writerDone!.Wait(TimeSpan.FromMilliseconds(50), CancellationToken.None);
                }
            }
        }
        finally
        {
            batches.CompleteAdding();
        }
    }

    private static SearchBatch Read(SqliteCommand read)
    {
        var entries = new Dictionary<long, IndexedEntry>();
        long lastSeq = 0;
        var queued = 0;
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            queued++;
            lastSeq = reader.GetInt64(0);
            var id = reader.GetInt64(1);
            if (entries.ContainsKey(id))
            {
                continue;
            }

            entries[id] = !reader.GetBoolean(2) ? new IndexedEntry(id, Exists: false) : new IndexedEntry(id, Exists: true)
            {
                PaperId = reader.GetInt64(3),
                Date = reader.GetString(4),
                Source = reader.GetString(5),
                Title = CjkTokenizer.IndexText(Text(reader, 6), Text(reader, 7)),
                Note = CjkTokenizer.IndexText(Text(reader, 8)),
                Abstract = CjkTokenizer.IndexText(Text(reader, 9), Text(reader, 10)),
                Authors = CjkTokenizer.IndexText(SearchSqlFunctions.AuthorText(Text(reader, 11))),
            };
        }

        return new SearchBatch(entries.Values.OrderBy(e => e.Id).ToList(), queued, lastSeq);
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

/// <summary>
/// One batch of the queue: each entry it names once, in ascending id order, and how far into the queue it reaches.
/// </summary>
internal sealed record SearchBatch(IReadOnlyList<IndexedEntry> Entries, int Queued, long LastSeq);

/// <summary>An entry as the index holds it: its tokens and what a search needs of it; or an entry that is gone.</summary>
internal sealed record IndexedEntry(long Id, bool Exists)
{
    public long PaperId { get; init; }

    public string Date { get; init; } = string.Empty;

    public string Source { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public string Note { get; init; } = string.Empty;

    public string Abstract { get; init; } = string.Empty;

    public string Authors { get; init; } = string.Empty;
}
