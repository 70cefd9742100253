using Digest.Core.Search;

namespace Digest.Core.Tests.Search;

public sealed class SnippetBuilderTests
{
    [Fact]
    public void Marks_runs_as_substrings_and_words_at_their_start_and_encodes_the_rest()
    {
        var needles = SearchQuery.Parse("模型 llm").Highlights;
        Assert.Equal("<mark>LLM</mark>s &amp; mLLM 的<mark>模型</mark>&lt;b&gt;", SnippetBuilder.Highlight("LLMs & mLLM 的模型<b>", needles));
    }

    [Fact]
    public void Excerpts_start_near_the_first_match()
    {
        var text = new string('甲', 300) + "遗忘" + new string('乙', 300);
        var excerpt = SnippetBuilder.Excerpt(text, SearchQuery.Parse("遗忘").Highlights, 100);
        Assert.StartsWith("…", excerpt);
        Assert.EndsWith("…", excerpt);
        Assert.Contains("<mark>遗忘</mark>", excerpt);
    }

    [Fact]
    public void Without_a_match_the_excerpt_is_the_start()
    {
        Assert.Equal("abc", SnippetBuilder.Excerpt("abc", SearchQuery.Parse("zz").Highlights));
    }
}
