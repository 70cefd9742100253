using System.Diagnostics;
using Dapper;
using Digest.Core.Search;
using Digest.Core.Storage;
using Digest.Core.Synthetic;
using Microsoft.Data.Sqlite;

namespace Digest.Benchmarks;

/// <summary>
/// Search over an imported synthetic archive: latency percentiles of a fixed query mix through
/// <see cref="SearchService"/>, against <c>LIKE '%…%'</c> scans of the same rows in the same run; the index size
/// against the indexed text; and import throughput with the search triggers against the same import without them.
/// </summary>
public sealed class SearchBenchmark(string work, string digests, BenchmarkTable table)
{
    private const int Rounds = 5;
    private const int LikeRounds = 3;

    /// <summary>
    /// The fixed query mix: Chinese words of high, medium and low frequency (by their Zipf rank in the synthetic
    /// vocabulary), 3–4 character words, quoted phrases, English words and authors.
    /// </summary>
    public static IReadOnlyList<(string Kind, string Query)> Queries()
    {
        var ranked = SyntheticVocabulary.ChineseWordsByRank;
        var queries = new List<(string, string)>();
        foreach (var rank in new[] { 0, 1, 2, 5, 9, 14 })
        {
            queries.Add(("zh high", ranked[rank]));
        }

        foreach (var rank in new[] { 60, 110, 170, 250, 400, 600 })
        {
            queries.Add(("zh medium", ranked[rank]));
        }

        foreach (var rank in new[] { 1500, 2500, 3300, 4200, 5100, 5900 })
        {
            queries.Add(("zh low", ranked[rank]));
        }

        queries.AddRange(new[] { "强化学习", "注意力", "多模态", "数据集", "机器人", "时间序列", "大语言模型", "图神经网络" }.Select(q => ("zh 3-5 chars", q)));
        queries.AddRange(new[] { "\"模型 学习\"", "\"强化学习 推理\"", "\"我们提出\"", "\"基于数据\"", "模型 遗忘", "扩散 -模型" }.Select(q => ("phrase / multi", q)));
        queries.AddRange(new[] { "llm", "Transformer", "diffusion", "crispr", "lora", "benchmark", "quantum" }.Select(q => ("english", q)));
        queries.AddRange(new[] { "author:Wang", "author:Haochen", "author:\"Sarah Kim\"", "author:Müller", "au:Tanaka" }.Select(q => ("author", q)));
        return queries;
    }

    public void Run(string label, string database)
    {
        var db = new Database(database);
        var service = new SearchService(db, TimeSpan.FromSeconds(30));
        var queries = Queries();
        var entries = Scalar(db, "SELECT COUNT(*) FROM entry");
        var papers = Scalar(db, "SELECT COUNT(*) FROM paper");

        // Warm the page cache and the JIT once, then time every query Rounds times.
        foreach (var (_, query) in queries)
        {
            service.Search(new SearchRequest { Query = query });
        }

        var times = new List<double>();
        var byKind = new Dictionary<string, List<double>>();
        var medians = new Dictionary<string, double>();
        var totals = new Dictionary<string, int>();
        foreach (var (kind, query) in queries)
        {
            var mine = new List<double>();
            for (var round = 0; round < Rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                var results = service.Search(new SearchRequest { Query = query, Page = round % 2 == 0 ? 1 : 2 });
                mine.Add(clock.Elapsed.TotalMilliseconds);
                totals[query] = results.Total;
            }

            times.AddRange(mine);
            (byKind.TryGetValue(kind, out var list) ? list : byKind[kind] = []).AddRange(mine);
            medians[query] = Percentile(mine, 50);
        }

        var newest = new List<double>();
        foreach (var (_, query) in queries.Take(12))
        {
            var clock = Stopwatch.StartNew();
            service.Search(new SearchRequest { Query = query, Sort = SearchSort.Newest });
            newest.Add(clock.Elapsed.TotalMilliseconds);
        }

        // LIKE scans of the same rows: a subset of the plain Chinese and English words (a scan takes seconds).
        var likeQueries = queries.Where(q => q.Kind is "zh high" or "zh medium" or "zh low" or "english").Where((_, i) => i % 3 == 0).Select(q => q.Query).ToList();
        var likeMedians = new List<double>();
        var searchMedians = new List<double>();
        using (var connection = db.Open())
        {
            foreach (var query in likeQueries)
            {
                var mine = new List<double>();
                for (var round = 0; round < LikeRounds; round++)
                {
                    var clock = Stopwatch.StartNew();
                    connection.ExecuteScalar<long>("""
                        SELECT COUNT(DISTINCT paper_id) FROM entry
                        WHERE title LIKE $p OR title_note LIKE $p OR abstract LIKE $p OR title_en LIKE $p OR abstract_en LIKE $p
                        """, new Dictionary<string, object> { ["$p"] = $"%{query}%" });
                    mine.Add(clock.Elapsed.TotalMilliseconds);
                }

                likeMedians.Add(Percentile(mine, 50));
                searchMedians.Add(medians[query]);
            }
        }

        var likeMedian = Percentile(likeMedians, 50);
        var searchMedian = Percentile(searchMedians, 50);
        table.Add($"search, {label} ({BenchmarkTable.Number(entries)} entries, {BenchmarkTable.Number(papers)} papers): p50 over {queries.Count} queries × {Rounds}",
            $"{Percentile(times, 50):F1} ms", "", "", "≤ 10 ms");
        table.Add($"search, {label}: p95", $"{Percentile(times, 95):F1} ms");
        table.Add($"search, {label}: p99", $"{Percentile(times, 99):F1} ms", "", "", "≤ 100 ms");
        foreach (var (kind, list) in byKind)
        {
            table.Add($"search, {label}: {kind} p50 / max", $"{Percentile(list, 50):F1} / {list.Max():F1} ms");
        }

        table.Add($"search, {label}: sort=newest p50 / max (12 queries)", $"{Percentile(newest, 50):F1} / {newest.Max():F1} ms");
        table.Add($"search, {label}: median of per-query medians, {likeQueries.Count} words ({string.Join(' ', likeQueries)})",
            $"{searchMedian:F2} ms", $"{likeMedian:F0} ms LIKE '%…%' scan", BenchmarkTable.Number(likeMedian / searchMedian, "N0") + "×", "≥ 100×");

        var size = SearchIndexSize.Measure(db);
        table.Add($"search, {label}: index size / indexed text", $"{size.IndexBytes / 1048576.0:F0} MB", $"{size.TextBytes / 1048576.0:F0} MB text",
            BenchmarkTable.Number(size.Ratio, "F2"), "≤ 2.5");
        foreach (var (query, total) in totals)
        {
            Console.Error.WriteLine($"    {query}: {total} papers, {medians[query]:F1} ms");
        }
    }

    /// <summary>
    /// Imports the archive twice with the CLI: into a database whose search queue triggers were dropped first (so
    /// the indexer finds nothing to do), and into a fresh one with them. Returns the database with the index.
    /// </summary>
    public string IndexedDatabase => Path.Combine(work, "search-with.db");

    public string RunImport(string label)
    {
        var without = Path.Combine(work, "search-without.db");
        var with = IndexedDatabase;
        foreach (var file in Directory.GetFiles(work, "search-*.db*"))
        {
            File.Delete(file);
        }

        using (var connection = new Database(without).Open())
        {
            connection.Execute("""
                DROP TRIGGER search_queue_insert; DROP TRIGGER search_queue_delete; DROP TRIGGER search_queue_update;
                """);
        }

        SqliteConnection.ClearAllPools();
        var (rowsWithout, secondsWithout, _) = ImportBenchmark.ImportWithCli(digests, without);
        var (rowsWith, secondsWith, _) = ImportBenchmark.ImportWithCli(digests, with);
        var rateWithout = rowsWithout / secondsWithout;
        var rateWith = rowsWith / secondsWith;
        table.Add($"import, {label}: rows/s with the search index", BenchmarkTable.Number(rateWith), $"{BenchmarkTable.Number(rateWithout)} rows/s without it",
            BenchmarkTable.Number(rateWith / rateWithout, "F2"), "≥ 0.70");
        foreach (var file in Directory.GetFiles(work, "search-without*"))
        {
            File.Delete(file);
        }

        return with;
    }

    /// <summary>Times the statements behind one English word, to see where its time goes (--only profile).</summary>
    public static void Profile(string database)
    {
        var db = new Database(database);
        using var connection = db.Open();
        void Time(string label, string sql)
        {
            connection.ExecuteScalar(sql);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 5; i++)
            {
                connection.ExecuteScalar(sql);
            }

            Console.Error.WriteLine($"  {label}: {clock.Elapsed.TotalMilliseconds / 5:F1} ms");
        }

        Time("vocab crispr", "SELECT group_concat(term) FROM (SELECT term FROM entry_search_vocab WHERE term >= 'crispr' AND term < 'crisps' LIMIT 33)");
        Time("count exact term", "SELECT COUNT(*) FROM (SELECT DISTINCT e.paper_id FROM entry_search s CROSS JOIN search_entry e ON e.id = s.rowid WHERE entry_search MATCH '{title note abstract} : (\"crispr\")' LIMIT 10001)");
        Time("count prefix", "SELECT COUNT(*) FROM (SELECT DISTINCT e.paper_id FROM entry_search s CROSS JOIN search_entry e ON e.id = s.rowid WHERE entry_search MATCH '{title note abstract} : (\"crispr\" *)' LIMIT 10001)");
        Time("count no join", "SELECT COUNT(*) FROM (SELECT rowid FROM entry_search WHERE entry_search MATCH '{title note abstract} : (\"crispr\")' LIMIT 11000)");
        Time("count no filter", "SELECT COUNT(*) FROM (SELECT rowid FROM entry_search WHERE entry_search MATCH '\"crispr\"' LIMIT 11000)");
        Time("title tier 20", "SELECT COUNT(*) FROM (SELECT rowid FROM entry_search WHERE entry_search MATCH '{title} : (\"crispr\")' ORDER BY rowid DESC LIMIT 40)");
        Time("模型 count", "SELECT COUNT(*) FROM (SELECT DISTINCT e.paper_id FROM entry_search s CROSS JOIN search_entry e ON e.id = s.rowid WHERE entry_search MATCH '{title note abstract} : (\"模型\")' LIMIT 10001)");
        Time("源显 count", "SELECT COUNT(*) FROM (SELECT DISTINCT e.paper_id FROM entry_search s CROSS JOIN search_entry e ON e.id = s.rowid WHERE entry_search MATCH '{title note abstract} : (\"源显\")' LIMIT 10001)");
        Time("源显 title tier", "SELECT COUNT(*) FROM (SELECT rowid FROM entry_search WHERE entry_search MATCH '{title} : (\"源显\")' ORDER BY rowid DESC LIMIT 40)");
    }

    private static long Scalar(Database db, string sql)
    {
        using var connection = db.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
