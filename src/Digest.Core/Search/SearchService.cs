using System.Diagnostics;
using System.Globalization;
using Dapper;
using Digest.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Digest.Core.Search;

/// <summary>
/// Finds papers whose entries match a query, ranks them (title matches, then note matches, then the rest, each by
/// BM25; or newest first), and builds highlighted snippets from the stored text. A search that runs past
/// <see cref="TimeLimit"/> is interrupted inside SQLite (a progress handler) and becomes a <see cref="SearchTimeoutException"/>.
/// </summary>
public sealed class SearchService(Database database, TimeSpan? timeLimit = null)
{
    private const int SqliteInterrupt = 9;
    private const int SqliteError = 1;
    private const int ProgressSteps = 1000;

    public TimeSpan TimeLimit { get; } = timeLimit ?? TimeSpan.FromSeconds(2);

    /// <summary><see cref="TotalCap"/>, lowered by tests to reach the capped paths on a small corpus.</summary>
    internal int TotalLimit { get; init; } = TotalCap;

    /// <summary><see cref="ExactRankCap"/>, lowered by tests.</summary>
    internal int ExactRankLimit { get; init; } = ExactRankCap;

    /// <summary>
    /// Runs the search. Throws <see cref="SearchQueryException"/> for a query the reader can fix and
    /// <see cref="SearchTimeoutException"/> past the time limit; both carry a zh-CN message.
    /// </summary>
    public SearchResults Search(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var query = SearchQuery.Parse(request.Query, request.Author);
        var page = Math.Clamp(request.Page, 1, SearchRequest.MaxPage);
        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var source = request.SourceSlug();
        if (request.From is { } from && request.To is { } to && from > to)
        {
            throw new SearchQueryException("开始日期晚于结束日期。");
        }

        if (query.IsEmpty)
        {
            return new SearchResults(query, 0, page, pageSize, [], clock.Elapsed);
        }

        using var connection = database.Open();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (TimeLimit <= TimeSpan.Zero)
        {
            limit.Cancel();
        }
        else
        {
            limit.CancelAfter(TimeLimit);
        }

        var token = limit.Token;

        // SQLite calls this every few thousand VM steps; a non-zero answer interrupts the statement.
        SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, ProgressSteps, _ => token.IsCancellationRequested ? 1 : 0, null);
        try
        {
            var (total, capped, rows) = FindPapers(connection, query, request, source, page, pageSize, TotalLimit, ExactRankLimit);
            var hits = Describe(connection, query, rows);
            var pending = SearchIndexer.CountPending(connection, PendingCap);
            return new SearchResults(query, total, page, pageSize, hits, clock.Elapsed) { TotalCapped = capped, Pending = pending };
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteInterrupt)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new SearchTimeoutException(TimeLimit);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteError && e.Message.Contains("fts5", StringComparison.OrdinalIgnoreCase))
        {
            throw new SearchQueryException("无法执行这个搜索，请换一种写法。", e);
        }
        finally
        {
            SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, 0, null, null);
        }
    }

    /// <summary>Entry changes waiting for the index are counted up to this many.</summary>
    public const int PendingCap = 100_000;

    /// <summary>Totals are exact up to this many papers; past it a search says "10,000+" and stops counting.</summary>
    public const int TotalCap = 10_000;

    /// <summary>
    /// Up to this many matching papers, relevance is exact: title, note, then other matches, each by BM25. Past it,
    /// scoring every hit would cost as much as a scan, so the tiers stay but each lists its newest entries first,
    /// read only as far as the page needs.
    /// </summary>
    public const int ExactRankCap = 2_000;

    private sealed class PaperRow
    {
        public long PaperId { get; set; }
        public long EntryId { get; set; }
    }

    private static (int Total, bool Capped, List<PaperRow> Rows) FindPapers(SqliteConnection connection, SearchQuery query, SearchRequest request, string? source, int page, int pageSize, int totalCap, int exactRankCap)
    {
        var filters = new Filters(
            query.ToMatchExpression(prefix => ExpandPrefix(connection, prefix)),
            request.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            request.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            source);

        // Distinct papers, read in the index's own order and stopped at the cap: cheap for a rare word, bounded for a common one.
        var counted = connection.ExecuteScalar<int>($"""
            SELECT COUNT(*) FROM (
                SELECT DISTINCT e.paper_id
                FROM entry_search s CROSS JOIN search_entry e ON e.id = s.rowid
                WHERE entry_search MATCH $match {filters.Where}
                LIMIT {totalCap + 1})
            """, filters.Parameters());
        var capped = counted > totalCap;
        var total = Math.Min(counted, totalCap);
        var offset = (page - 1) * pageSize;
        if (offset >= total)
        {
            return (total, capped, []);
        }

        // Past the cap the pages stop where the total says they do.
        var take = Math.Min(pageSize, total - offset);
        var rows = counted <= exactRankCap ? RankAll(connection, query, request.Sort, filters, offset, take)
            : request.Sort == SearchSort.Newest ? ReadNewest(connection, filters, offset, take)
            : ReadTiers(connection, query, filters, offset, take);
        return (total, capped, rows);
    }

    /// <summary>Prefix expansions listed as exact terms; past this many the prefix query stays.</summary>
    private const int MaxExpansion = 32;

    /// <summary>
    /// Prefix expansions already read, valid while <c>data_version</c> (bumped by every import) and the FTS5
    /// structure record (rewritten by every write to the index, imports or not) stay the same.
    /// </summary>
    private static readonly ExpansionCache Expansions = new();

    /// <summary>
    /// The index terms that start with <paramref name="prefix"/> (from the fts5vocab table, which reads every
    /// listed term's postings to count them, so a few milliseconds), or null past <see cref="MaxExpansion"/>:
    /// <c>llm</c> → <c>llm llms</c>. Cached until the next import.
    /// </summary>
    private static IReadOnlyList<string>? ExpandPrefix(SqliteConnection connection, string prefix)
    {
        if (prefix.Length == 0 || prefix.Any(c => !char.IsLetterOrDigit(c)) || prefix[^1] == char.MaxValue)
        {
            return null;
        }

        return Expansions.Get(connection, prefix, () =>
        {
            var end = prefix[..^1] + (char)(prefix[^1] + 1);
            var terms = connection.Query<string>(
                "SELECT term FROM entry_search_vocab WHERE term >= $prefix AND term < $end LIMIT $limit",
                new Dictionary<string, object> { ["$prefix"] = prefix, ["$end"] = end, ["$limit"] = MaxExpansion + 1 })
                .Where(t => t.StartsWith(prefix, StringComparison.Ordinal) && t.All(char.IsLetterOrDigit))
                .ToList();
            return terms.Count > MaxExpansion ? null : terms;
        });
    }

    /// <summary>Expansions keyed by database file and prefix, dropped whole when the data version moves or it grows large.</summary>
    private sealed class ExpansionCache
    {
        private const int MaxEntries = 10_000;
        private readonly Dictionary<(string Database, string Prefix), (string Version, IReadOnlyList<string>? Terms)> _entries = [];

        public IReadOnlyList<string>? Get(SqliteConnection connection, string prefix, Func<IReadOnlyList<string>?> read)
        {
            var version = connection.ExecuteScalar<string>("""
                SELECT (SELECT COALESCE(MAX(version), 0) FROM data_version) || ':'
                    || COALESCE((SELECT hex(block) FROM entry_search_data WHERE id = 10), '')
                """)!;
            var key = (connection.DataSource, prefix);
            lock (_entries)
            {
                if (_entries.TryGetValue(key, out var entry) && entry.Version == version)
                {
                    return entry.Terms;
                }
            }

            var terms = read();
            lock (_entries)
            {
                if (_entries.Count >= MaxEntries)
                {
                    _entries.Clear();
                }

                _entries[key] = (version, terms);
            }

            return terms;
        }
    }

    private sealed record Filters(string Match, string? From, string? To, string? Source)
    {
        public string Where =>
            (From is null ? string.Empty : " AND e.date >= $from") + (To is null ? string.Empty : " AND e.date <= $to")
            + (Source is null ? string.Empty : " AND e.source = $source");

        public DynamicParameters Parameters(string? match = null)
        {
            var parameters = new DynamicParameters();
            parameters.Add("$match", match ?? Match);
            parameters.Add("$from", From);
            parameters.Add("$to", To);
            parameters.Add("$source", Source);
            return parameters;
        }
    }

    /// <summary>Scores every hit: title matches, then note matches, then the rest, each by BM25; or newest first.</summary>
    private static List<PaperRow> RankAll(SqliteConnection connection, SearchQuery query, SearchSort sort, Filters filters, int offset, int pageSize)
    {
        var newest = sort == SearchSort.Newest;

        // The tier comes from the same pass over the index as the score: BM25 weighted on the title column alone is
        // below zero exactly when some phrase of the query matched in the title (author terms only ever match in
        // the author column, and excluded terms have no matches), and the same for the note.
        var tier = newest || !query.HasTextTerms
            ? "2"
            : """
              CASE WHEN bm25(entry_search, 1.0, 0.0, 0.0, 0.0) < 0 THEN 0
                   WHEN bm25(entry_search, 0.0, 1.0, 0.0, 0.0) < 0 THEN 1
                   ELSE 2 END
              """;

        // One min/max aggregate per query, so SQLite takes the bare e.id from the row that holds it: the best
        // entry for relevance, the newest one for newest.
        var aggregate = newest
            ? "MAX(e.date || printf('%08d', 99999999 - e.id)) AS sort_key, e.id AS entry_id, 0.0 AS rank_key"
            : "MIN(h.tier * 1000.0 + h.score) AS rank_key, e.id AS entry_id, '' AS sort_key";
        var order = newest ? "sort_key DESC, paper_id" : "rank_key, paper_id";
        var sql = $"""
            WITH hit AS MATERIALIZED (
                SELECT rowid AS entry_id, {(newest ? "0.0" : "bm25(entry_search, 10.0, 5.0, 1.0, 2.0)")} AS score, {tier} AS tier
                FROM entry_search WHERE entry_search MATCH $match
            ),
            paper_hit AS (
                SELECT e.paper_id AS paper_id, {aggregate}
                FROM hit h JOIN search_entry e ON e.id = h.entry_id
                WHERE 1 = 1 {filters.Where}
                GROUP BY e.paper_id
            )
            SELECT paper_id AS PaperId, entry_id AS EntryId
            FROM paper_hit ORDER BY {order} LIMIT $limit OFFSET $offset
            """;
        var parameters = filters.Parameters();
        parameters.Add("$limit", pageSize);
        parameters.Add("$offset", offset);
        return connection.Query<PaperRow>(sql, parameters).ToList();
    }

    /// <summary>
    /// Newest first for common words: the days from the newest, in chunks of 1, 2, 4, … days, each chunk's hits in
    /// the order <see cref="RankAll"/> gives them (day descending, then entry order), stopped as soon as the page
    /// is full. A day's entries were written in one import transaction, so a chunk's ids form a short range the
    /// index can seek to; entries of other days inside the range are dropped by the date test. Chunks keep the
    /// number of index queries small when a query is expensive to start (a single character is a prefix query).
    /// </summary>
    private static List<PaperRow> ReadNewest(SqliteConnection connection, Filters filters, int offset, int pageSize)
    {
        var seen = new HashSet<long>();
        var rows = new List<PaperRow>(pageSize);
        var newest = connection.ExecuteScalar<string?>("SELECT MAX(date) FROM search_entry WHERE $to IS NULL OR date <= $to", filters.Parameters());
        for (var days = 1; newest is not null && (filters.From is null || string.CompareOrdinal(newest, filters.From) >= 0); days *= 2)
        {
            var oldest = connection.ExecuteScalar<string>(
                "SELECT MIN(date) FROM (SELECT DISTINCT date FROM search_entry WHERE date <= $newest ORDER BY date DESC LIMIT $days)",
                new { newest, days });
            var parameters = filters.Parameters();
            parameters.Add("$newest", newest);
            parameters.Add("$oldest", oldest);
            var range = connection.QuerySingle<(long Low, long High)>(
                "SELECT MIN(id), MAX(id) FROM search_entry WHERE date BETWEEN $oldest AND $newest", parameters);
            parameters.Add("$low", range.Low);
            parameters.Add("$high", range.High);

            // CROSS JOIN keeps the index outer: it seeks to the id range instead of being asked once per entry.
            var hits = connection.Query<(long PaperId, long EntryId, string Date)>($"""
                SELECT e.paper_id, s.rowid, e.date
                FROM entry_search s CROSS JOIN search_entry e ON e.id = s.rowid
                WHERE entry_search MATCH $match AND s.rowid BETWEEN $low AND $high
                  AND e.date BETWEEN $oldest AND $newest {filters.Where}
                """, parameters).OrderByDescending(h => h.Date, StringComparer.Ordinal).ThenBy(h => h.EntryId);
            foreach (var hit in hits)
            {
                if (seen.Add(hit.PaperId) && seen.Count > offset)
                {
                    rows.Add(new PaperRow { PaperId = hit.PaperId, EntryId = hit.EntryId });
                    if (rows.Count == pageSize)
                    {
                        return rows;
                    }
                }
            }

            newest = connection.ExecuteScalar<string?>("SELECT MAX(date) FROM search_entry WHERE date < $oldest", new { oldest });
        }

        return rows;
    }

    /// <summary>
    /// For common words: title matches, then note matches, then the rest, each newest entry first, read from the
    /// index in rowid order and stopped as soon as the page is full. A paper shows once, at its best tier.
    /// </summary>
    private static List<PaperRow> ReadTiers(SqliteConnection connection, SearchQuery query, Filters filters, int offset, int pageSize)
    {
        var titleMatch = query.ToColumnExpression("title", prefix => ExpandPrefix(connection, prefix));
        var noteMatch = query.ToColumnExpression("note", prefix => ExpandPrefix(connection, prefix));
        var tiers = new List<string>();
        if (titleMatch is null)
        {
            tiers.Add(filters.Match);
        }
        else
        {
            tiers.Add($"({filters.Match}) AND ({titleMatch})");
            tiers.Add($"(({filters.Match}) AND ({noteMatch})) NOT ({titleMatch})");
            tiers.Add($"(({filters.Match}) NOT ({titleMatch})) NOT ({noteMatch})");
        }

        var seen = new HashSet<long>();
        var rows = new List<PaperRow>(pageSize);
        foreach (var match in tiers)
        {
            using var reader = connection.ExecuteReader($"""
                SELECT e.paper_id, s.rowid
                FROM entry_search s CROSS JOIN search_entry e ON e.id = s.rowid
                WHERE entry_search MATCH $match {filters.Where}
                ORDER BY s.rowid DESC
                """, filters.Parameters(match));
            while (reader.Read())
            {
                var paperId = reader.GetInt64(0);
                if (!seen.Add(paperId))
                {
                    continue;
                }

                if (seen.Count > offset)
                {
                    rows.Add(new PaperRow { PaperId = paperId, EntryId = reader.GetInt64(1) });
                    if (rows.Count == pageSize)
                    {
                        return rows;
                    }
                }
            }
        }

        return rows;
    }

    private sealed record EntryRow(long PaperId, long EntryId, string Key, string Title, string? TitleNote, string? TitleEn,
        string Authors, string? Abstract, string? AbstractEn, string Source, string? PdfUrl, string? PaperPdfUrl, string Date, long Rank);

    private static List<SearchHit> Describe(SqliteConnection connection, SearchQuery query, List<PaperRow> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var entryIds = rows.Select(r => r.EntryId).ToList();
        var paperIds = rows.Select(r => r.PaperId).ToList();
        var entries = connection.Query<EntryRow>("""
            SELECT e.paper_id AS PaperId, e.id AS EntryId, p.key AS Key, e.title AS Title, e.title_note AS TitleNote,
                   e.title_en AS TitleEn, e.authors AS Authors, e.abstract AS Abstract, e.abstract_en AS AbstractEn,
                   e.source AS Source, e.pdf_url AS PdfUrl, p.pdf_url AS PaperPdfUrl, e.date AS Date, e.rank AS Rank
            FROM entry e JOIN paper p ON p.id = e.paper_id
            WHERE e.id IN (SELECT value FROM json_each($ids))
            """, new Dictionary<string, object?> { ["$ids"] = $"[{string.Join(',', entryIds)}]" })
            .ToDictionary(e => e.EntryId);
        var dates = connection.Query<(long PaperId, string Date)>(
                "SELECT DISTINCT paper_id, date FROM entry WHERE paper_id IN (SELECT value FROM json_each($ids)) ORDER BY paper_id, date",
                new Dictionary<string, object?> { ["$ids"] = $"[{string.Join(',', paperIds)}]" })
            .ToLookup(d => d.PaperId, d => d.Date);

        var highlights = query.Highlights;
        var authorHighlights = query.AuthorHighlights;
        var hits = new List<SearchHit>(rows.Count);
        foreach (var row in rows)
        {
            if (!entries.TryGetValue(row.EntryId, out var entry))
            {
                continue; // removed by an import between the two queries
            }

            var authors = JsonText.ReadList(entry.Authors);
            hits.Add(new SearchHit
            {
                Key = entry.Key,
                Title = entry.Title,
                TitleNote = entry.TitleNote,
                Authors = authors,
                Dates = dates[row.PaperId].ToList(),
                Source = entry.Source,
                PdfUrl = entry.PdfUrl ?? entry.PaperPdfUrl,
                TitleHtml = SnippetBuilder.Highlight(entry.Title, highlights),
                Snippet = SnippetFor(entry, highlights),
                AuthorsHtml = authors.Select(a => SnippetBuilder.Highlight(a, authorHighlights)).ToList(),
                Date = entry.Date,
                Rank = (int)entry.Rank,
            });
        }

        return hits;
    }

    /// <summary>The abstract around its first match; else the note, English title or English abstract that matched.</summary>
    private static string SnippetFor(EntryRow entry, IReadOnlyList<TextSegment> highlights)
    {
        foreach (var text in new[] { entry.Abstract, entry.TitleNote, entry.TitleEn, entry.AbstractEn })
        {
            if (SnippetBuilder.Contains(text, highlights))
            {
                return SnippetBuilder.Excerpt(text, highlights);
            }
        }

        return SnippetBuilder.Excerpt(entry.Abstract ?? entry.AbstractEn ?? entry.TitleNote, highlights);
    }
}
