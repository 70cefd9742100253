using Digest.Core.Search;

namespace Digest.Core.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("遗忘", "{title note abstract} : (\"遗忘\")")]
    [InlineData("学", "{title note abstract} : (\"学\" *)")]
    [InlineData("强化学习", "{title note abstract} : (\"强化 化学 学习\")")]
    [InlineData("LLM", "{title note abstract} : (\"llm\" *)")]
    [InlineData("LLM强化", "{title note abstract} : (\"llm\" * AND \"强化\")")]
    [InlineData("a -b", "{title note abstract} : (\"a\" *) NOT {title note abstract} : (\"b\" *)")]
    [InlineData("\"deep learn\"", "{title note abstract} : (\"deep learn\" *)")]
    [InlineData("\"强化 学习\"", "{title note abstract} : (\"强化 化 ·化学 学习\")")]
    [InlineData("author:Wang", "{authors} : (\"wang\" *)")]
    [InlineData("au:\"Haochen Wang\"", "{authors} : (\"haochen wang\" *)")]
    [InlineData("AND OR NOT NEAR(", "{title note abstract} : (\"and\" *) AND {title note abstract} : (\"or\" *) AND {title note abstract} : (\"not\" *) AND {title note abstract} : (\"near\" *)")]
    public void Queries_become_quoted_fts5_expressions(string text, string expression)
    {
        Assert.Equal(expression, SearchQuery.Parse(text).ToMatchExpression());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("(")]
    [InlineData("-")]
    [InlineData("\"*\" ( ) : ^")]
    public void Queries_without_letters_or_digits_are_empty(string text)
    {
        var query = SearchQuery.Parse(text);
        Assert.True(query.IsEmpty);
        Assert.Equal(string.IsNullOrWhiteSpace(text), query.Notice is null);
    }

    [Theory]
    [InlineData("-llm")]
    [InlineData("-llm -模型")]
    public void Only_exclusions_is_a_clear_error(string text)
    {
        var error = Assert.Throws<SearchQueryException>(() => SearchQuery.Parse(text));
        Assert.Contains("排除词", error.Message);
    }

    [Fact]
    public void Too_long_and_too_many_terms_are_clear_errors()
    {
        Assert.Contains("太长", Assert.Throws<SearchQueryException>(() => SearchQuery.Parse(new string('学', 2000))).Message);
        Assert.Contains("太多", Assert.Throws<SearchQueryException>(() => SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("a", 40)))).Message);
    }

    [Fact]
    public void The_author_parameter_is_an_author_phrase()
    {
        Assert.Equal("{title note abstract} : (\"模型\") AND {authors} : (\"haochen wang\" *)", SearchQuery.Parse("模型", "Haochen Wang").ToMatchExpression());
    }
}
