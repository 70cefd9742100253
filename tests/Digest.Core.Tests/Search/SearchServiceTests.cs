using Dapper;
using Digest.Core.Search;

namespace Digest.Core.Tests.Search;

public sealed class SearchServiceTests : IDisposable
{
    private readonly SearchTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Title_matches_rank_above_note_matches_above_abstract_only_matches()
    {
        _db.Add("abstract", "2025-01-01", "无关标题", abstractText: "我们研究遗忘。遗忘，遗忘，遗忘，遗忘。");
        _db.Add("note", "2025-01-01", "另一个标题", note: "注：这里讲遗忘");
        _db.Add("title", "2025-01-01", "缓解遗忘的策略，一篇很长很长很长很长很长很长很长很长的标题", abstractText: "无关");
        _db.Add("none", "2025-01-01", "毫不相干", abstractText: "毫不相干");

        var results = new SearchService(_db.Database).Search(new SearchRequest { Query = "遗忘" });

        Assert.Equal(3, results.Total);
        Assert.Equal(["title", "note", "abstract"], results.Hits.Select(h => h.Key));
        Assert.Contains("<mark>遗忘</mark>", results.Hits[0].TitleHtml);
        Assert.Contains("<mark>遗忘</mark>", results.Hits[2].Snippet);
    }

    [Fact]
    public void A_paper_seen_on_several_days_is_one_result_with_those_days()
    {
        _db.Add("2510.00001", "2025-10-01", "幻觉检测");
        _db.Add("2510.00001", "2025-10-03", "幻觉检测（修订）");
        _db.Add("2510.00001", "2025-10-02", "完全不同的标题");

        var results = new SearchService(_db.Database).Search(new SearchRequest { Query = "幻觉" });

        var hit = Assert.Single(results.Hits);
        Assert.Equal(1, results.Total);
        Assert.Equal(["2025-10-01", "2025-10-02", "2025-10-03"], hit.Dates);

        var newest = new SearchService(_db.Database).Search(new SearchRequest { Query = "幻觉", Sort = SearchSort.Newest });
        Assert.Equal("2025-10-03", Assert.Single(newest.Hits).Date);

        var filtered = new SearchService(_db.Database).Search(new SearchRequest { Query = "幻觉", To = new DateOnly(2025, 10, 2) });
        Assert.Equal("2025-10-01", Assert.Single(filtered.Hits).Date);
    }

    [Fact]
    public void A_word_prefix_finds_words_written_after_an_earlier_search()
    {
        _db.Add("k1", "2025-01-01", "zzqxalpha 模型");
        var service = new SearchService(_db.Database);
        Assert.Equal(1, service.Search(new SearchRequest { Query = "zzqx" }).Total);

        // No import, so no data_version bump: the cached expansion of zzqx must still see the new word.
        _db.Add("k2", "2025-01-02", "zzqxbeta 模型");
        Assert.Equal(2, service.Search(new SearchRequest { Query = "zzqx" }).Total);
        Assert.Equal(2, service.Search(new SearchRequest { Query = "zzqx", Sort = SearchSort.Newest }).Total);
    }

    [Fact]
    public void The_index_follows_entries_that_are_deleted_and_updated()
    {
        var id = _db.Add("k", "2025-01-01", "遗忘");
        var service = new SearchService(_db.Database);
        Assert.Equal(1, service.Search(new SearchRequest { Query = "遗忘" }).Total);

        using (var connection = _db.Database.Open())
        {
            connection.Execute("UPDATE entry SET title = '幻觉' WHERE id = $id", new { id });
        }

        _db.Index();

        Assert.Equal(0, service.Search(new SearchRequest { Query = "遗忘" }).Total);
        Assert.Equal(1, service.Search(new SearchRequest { Query = "幻觉" }).Total);

        using (var connection = _db.Database.Open())
        {
            connection.Execute("DELETE FROM entry WHERE id = $id", new { id });
        }

        _db.Index();

        Assert.Equal(0, service.Search(new SearchRequest { Query = "幻觉" }).Total);
    }

    [Theory]
    [InlineData("llm", new[] { "plural", "mixed" })]
    [InlineData("强化学", new[] { "mixed" })]
    [InlineData("学", new[] { "mixed", "end", "inner" })]
    [InlineData("author:wang", new[] { "plural" })]
    [InlineData("au:王", new[] { "end" })]
    [InlineData("\"large language\"", new[] { "plural" })]
    [InlineData("\"强化 化学\"", new[] { "inner" })]
    [InlineData("\"化 学\"", new string[0])]
    public void Word_prefixes_and_substrings(string query, string[] keys)
    {
        _db.Add("plural", "2025-01-01", "Large Language LLMs", authors: ["Wangari Maathai"]);
        _db.Add("inner", "2025-01-01", "mLLM 强化，化学", authors: ["Li Hua"]);
        _db.Add("mixed", "2025-01-01", "LLM强化学习");
        _db.Add("end", "2025-01-01", "数学", authors: ["王小明"]);

        var results = new SearchService(_db.Database).Search(new SearchRequest { Query = query });

        Assert.Equal(keys.Order(), results.Hits.Select(h => h.Key).Order());
    }

    [Fact]
    public void A_search_past_its_time_limit_is_a_clear_error()
    {
        for (var i = 0; i < 200; i++)
        {
            _db.Add($"p{i}", "2025-01-01", $"模型 model{i}", abstractText: string.Join(' ', Enumerable.Range(0, 50).Select(j => $"a{i}x{j}")));
        }

        var service = new SearchService(_db.Database, TimeSpan.Zero);
        var error = Assert.Throws<SearchTimeoutException>(() => service.Search(new SearchRequest { Query = "a" }));
        Assert.Contains("超时", error.Message);

        Assert.Equal(200, new SearchService(_db.Database).Search(new SearchRequest { Query = "a" }).Total);
    }

    [Theory]
    [InlineData("source=nature")]
    [InlineData("from>to")]
    public void Bad_filters_are_clear_errors(string which)
    {
        var request = which == "from>to"
            ? new SearchRequest { Query = "a", From = new DateOnly(2025, 2, 1), To = new DateOnly(2025, 1, 1) }
            : new SearchRequest { Query = "a", Source = "nature" };
        Assert.Throws<SearchQueryException>(() => new SearchService(_db.Database).Search(request));
    }
}
