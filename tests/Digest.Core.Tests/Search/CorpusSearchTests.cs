using Digest.Core.Search;

namespace Digest.Core.Tests.Search;

/// <summary>
/// On the real corpus, search finds exactly what a plain substring / word-prefix scan of the same entries finds.
/// The expected sets are computed, never written down, so the test holds whatever the parser imports.
/// </summary>
public sealed class CorpusSearchTests(CorpusDatabase corpus) : IClassFixture<CorpusDatabase>
{
    public static readonly TheoryData<string> Queries =
    [
        // Chinese, one to five characters
        "学", "模", "型", "遗", "的", "细", "医",
        "遗忘", "幻觉", "模型", "语言", "数据", "细胞", "蛋白", "推理", "对齐", "基因", "图像", "患者", "临床", "化学", "学习",
        "注意力", "多模态", "机器人", "强化学", "扩散模",
        "强化学习", "语言模型", "神经网络", "临床试验",
        "大语言模型", "多模态大语",
        // English words and prefixes
        "llm", "LLM", "transformer", "diffusion", "agent", "rl", "gpt", "bench", "vision", "data", "3d", "cell", "a", "x",
        "reinforcement", "Learn",
        // mixed and multi-term
        "llm 推理", "模型 数据", "diffusion 图像", "cell 细胞", "模型 -llm", "学习 -强化", "强化学习 -rl", "LLM强化",
        // authors
        "author:wang", "author:li", "au:zhang", "AUTHOR:Chen", "author:liu", "author:kim", "author:smith", "author:y",
        "author:wang 模型", "au:li -llm",
    ];

    private readonly Lazy<PlainScan> _scan = new(() => new PlainScan(corpus.Database));

    [Fact]
    public void The_corpus_imports_entries()
    {
        Assert.True(corpus.EntryCount > 50, $"only {corpus.EntryCount} entries imported");
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Search_finds_what_a_plain_scan_finds(string query)
    {
        var expected = _scan.Value.Find(query);
        var (total, keys) = SearchAll(new SearchRequest { Query = query });

        Assert.Equal(expected.Count, total);
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("模型")]
    [InlineData("llm")]
    [InlineData("author:wang")]
    public void Filters_agree_with_a_plain_scan(string query)
    {
        var dates = _scan.Value.Entries.Select(e => e.Date).Distinct().Order(StringComparer.Ordinal).ToList();
        var from = dates[dates.Count / 3];
        var to = dates[2 * dates.Count / 3];
        foreach (var source in new[] { "arxiv", "biorxiv", "medrxiv" })
        {
            var expected = _scan.Value.Find(query, source: source);
            var (_, keys) = SearchAll(new SearchRequest { Query = query, Source = source });
            Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        }

        var ranged = _scan.Value.Find(query, from, to);
        var (total, found) = SearchAll(new SearchRequest { Query = query, From = DateOnly.Parse(from), To = DateOnly.Parse(to) });
        Assert.Equal(ranged.Count, total);
        Assert.Equal(ranged.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_author_parameter_matches_like_the_author_prefix()
    {
        var (total, keys) = SearchAll(new SearchRequest { Author = "Wang" });
        var expected = _scan.Value.Find("author:wang");
        Assert.Equal(expected.Count, total);
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("模型")]
    [InlineData("学习 -强化")]
    [InlineData("llm")]
    [InlineData("author:wang")]
    [InlineData("语言模型")]
    public void The_common_word_path_finds_what_a_plain_scan_finds(string query)
    {
        // Ranking every hit is skipped past ExactRankLimit papers; with it at zero the tiers are read in index order.
        var service = new SearchService(corpus.Database) { ExactRankLimit = 0 };
        var expected = _scan.Value.Find(query);
        var keys = new List<string>();
        var first = service.Search(new SearchRequest { Query = query, PageSize = 7 });
        for (var page = 1; page <= first.PageCount; page++)
        {
            var results = service.Search(new SearchRequest { Query = query, PageSize = 7, Page = page });
            Assert.Equal(first.Total, results.Total);
            keys.AddRange(results.Hits.Select(h => h.Key));
        }

        Assert.Equal(expected.Count, first.Total);
        Assert.False(first.TotalCapped);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        if (first.Hits.Count > 0 && query is "模型" or "语言模型")
        {
            Assert.Contains("<mark>", first.Hits[0].TitleHtml); // title matches come first
        }
    }

    [Theory]
    [InlineData("模型", null)]
    [InlineData("的", null)]
    [InlineData("llm", "arxiv")]
    [InlineData("author:wang", null)]
    public void The_common_word_newest_path_orders_exactly_as_ranking_every_hit_does(string query, string? source)
    {
        var dates = _scan.Value.Entries.Select(e => e.Date).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var (from, to) in new (DateOnly?, DateOnly?)[] { (null, null), (DateOnly.Parse(dates[dates.Count / 4]), DateOnly.Parse(dates[3 * dates.Count / 4])) })
        {
            var request = new SearchRequest { Query = query, Source = source, From = from, To = to, Sort = SearchSort.Newest, PageSize = 40 };
            var exact = AllPages(new SearchService(corpus.Database), request);
            var walked = AllPages(new SearchService(corpus.Database) { ExactRankLimit = 0 }, request);
            Assert.NotEmpty(exact);
            Assert.Equal(exact, walked);
        }
    }

    private static List<(string Key, string Date)> AllPages(SearchService service, SearchRequest request)
    {
        var first = service.Search(request);
        var hits = first.Hits.Select(h => (h.Key, h.Date)).ToList();
        for (var page = 2; page <= first.PageCount; page++)
        {
            hits.AddRange(service.Search(request with { Page = page }).Hits.Select(h => (h.Key, h.Date)));
        }

        return hits;
    }

    [Fact]
    public void Totals_past_the_cap_say_so()
    {
        var expected = _scan.Value.Find("的").Count;
        Assert.True(expected > 20, $"only {expected} papers hold 的");
        var service = new SearchService(corpus.Database) { TotalLimit = 20, ExactRankLimit = 5 };
        var results = service.Search(new SearchRequest { Query = "的", PageSize = 7 });
        Assert.Equal(20, results.Total);
        Assert.True(results.TotalCapped);
        Assert.Equal("20+", results.TotalText);
        Assert.Equal(7, results.Hits.Count);
        Assert.Equal(6, service.Search(new SearchRequest { Query = "的", PageSize = 7, Page = 3 }).Hits.Count);
    }

    [Fact]
    public void Pages_hold_every_result_once_in_order()
    {
        var service = new SearchService(corpus.Database);
        var all = service.Search(new SearchRequest { Query = "的", PageSize = 100 });
        var paged = new List<string>();
        for (var page = 1; paged.Count < all.Hits.Count; page++)
        {
            var results = service.Search(new SearchRequest { Query = "的", PageSize = 7, Page = page });
            Assert.Equal(all.Total, results.Total);
            Assert.NotEmpty(results.Hits);
            paged.AddRange(results.Hits.Select(h => h.Key));
        }

        Assert.Equal(Math.Min(all.Total, 100), all.Hits.Count);
        Assert.Equal(all.Hits.Select(h => h.Key), paged.Take(all.Hits.Count));

        var last = service.Search(new SearchRequest { Query = "的", PageSize = 7, Page = (all.Total + 6) / 7 });
        Assert.InRange(last.Hits.Count, 1, 7);
        var beyond = service.Search(new SearchRequest { Query = "的", PageSize = 7, Page = ((all.Total + 6) / 7) + 1 });
        Assert.Empty(beyond.Hits);
        Assert.Equal(all.Total, beyond.Total);
    }

    [Fact]
    public void Newest_first_orders_by_the_last_matching_day()
    {
        var results = new SearchService(corpus.Database).Search(new SearchRequest { Query = "模型", Sort = SearchSort.Newest, PageSize = 100 });
        var days = results.Hits.Select(h => h.Date).ToList();
        Assert.Equal(days.OrderDescending(StringComparer.Ordinal), days);
    }

    [Fact]
    public void Results_are_papers_with_all_their_days()
    {
        var results = new SearchService(corpus.Database).Search(new SearchRequest { Query = "模型", PageSize = 100 });
        Assert.Equal(results.Hits.Count, results.Hits.Select(h => h.Key).Distinct().Count());
        foreach (var hit in results.Hits)
        {
            var days = _scan.Value.Entries.Where(e => e.Key == hit.Key).Select(e => e.Date).Distinct().Order(StringComparer.Ordinal);
            Assert.Equal(days, hit.Dates);
        }
    }

    [Fact]
    public void Snippets_mark_the_matched_text()
    {
        var results = new SearchService(corpus.Database).Search(new SearchRequest { Query = "模型", PageSize = 100 });
        Assert.NotEmpty(results.Hits);
        Assert.All(results.Hits, hit => Assert.True(hit.Snippet.Contains("<mark>模型</mark>") || hit.TitleHtml.Contains("<mark>模型</mark>"), hit.Key));
    }

    [Fact]
    public void The_index_is_at_most_two_and_a_half_times_the_indexed_text()
    {
        var size = SearchIndexSize.Measure(corpus.Database);
        Console.WriteLine($"search index on the corpus ({corpus.EntryCount} entries): {size}");
        Assert.True(size.Ratio <= 2.5, size.ToString());
    }

    private (int Total, List<string> Keys) SearchAll(SearchRequest request)
    {
        var service = new SearchService(corpus.Database);
        var keys = new List<string>();
        var first = service.Search(request with { PageSize = SearchRequest.MaxPageSize });
        keys.AddRange(first.Hits.Select(h => h.Key));
        for (var page = 2; page <= first.PageCount; page++)
        {
            var next = service.Search(request with { PageSize = SearchRequest.MaxPageSize, Page = page });
            Assert.Equal(first.Total, next.Total);
            keys.AddRange(next.Hits.Select(h => h.Key));
        }

        Assert.Equal(keys.Count, keys.Distinct().Count());
        return (first.Total, keys);
    }
}
