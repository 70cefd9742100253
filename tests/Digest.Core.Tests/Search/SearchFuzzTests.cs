using System.Text;
using Digest.Core.Search;

namespace Digest.Core.Tests.Search;

/// <summary>Thousands of random queries of FTS syntax, CJK and ASCII: each gives results or a clear message.</summary>
public sealed class SearchFuzzTests(CorpusDatabase corpus) : IClassFixture<CorpusDatabase>
{
    private static readonly string[] Pieces =
    [
        "\"", "*", "(", ")", "-", "+", ":", "^", "{", "}", "[", "]", ",", ".", "'", "\\", "/", " ", "  ", "\t", "\n", "\0", "\u0001", "\u007f",
        "AND", "OR", "NOT", "NEAR", "NEAR(", "near/2", "author:", "au:", "title:", "abstract:", "{title}", "rowid", "MATCH",
        "遗忘", "幻觉", "学", "模型", "强化学习", "，", "。", "（", "）", "“", "”", "：", "、", "\u3000",
        "llm", "LLM", "GPT-4o", "a", "x", "3d", "wang", "Müller", "é", "α", "日本語", "한국어", "\ud83d\ude00", "\ud800", "\udc00", "\u200b", "\ufeff",
    ];

    public static string RandomQuery(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(1, 12);
        for (var i = 0; i < count; i++)
        {
            builder.Append(random.Next(10) == 0 ? (char)random.Next(0, 0xFFFF) : Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }

    [Fact]
    public void Random_queries_never_fail_unexpectedly()
    {
        var random = new Random(20251022);
        var service = new SearchService(corpus.Database);
        for (var i = 0; i < 3000; i++)
        {
            var query = RandomQuery(random);
            try
            {
                var results = service.Search(new SearchRequest { Query = query, Page = random.Next(-2, 4) });
                Assert.True(results.Total >= results.Hits.Count);
            }
            catch (SearchQueryException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                Assert.Null(e.InnerException); // an FTS5 error would mean unescaped input reached MATCH
            }
        }
    }

    [Fact]
    public void Long_queries_give_results_or_a_clear_message()
    {
        var service = new SearchService(corpus.Database);
        Assert.Throws<SearchQueryException>(() => service.Search(new SearchRequest { Query = new string('模', 2000) }));
        Assert.Equal(0, service.Search(new SearchRequest { Query = new string('模', 999) }).Total);
        Assert.Equal(0, service.Search(new SearchRequest { Query = string.Concat(Enumerable.Repeat("\"(*", 300)) }).Total);
    }
}
