using Dapper;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace Digest.Web.Tests.Search;

public sealed class SearchPageTests(SearchWebFactory factory) : IClassFixture<SearchWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task While_the_index_lags_an_import_the_page_says_how_many_entries_it_cannot_find_yet()
    {
        using (var connection = factory.Database.Open())
        {
            // The same text again: the entry is queued for the indexer as an import would leave it.
            connection.Execute("UPDATE entry SET title = title WHERE id IN (SELECT id FROM entry ORDER BY id LIMIT 2)");
        }

        var waiting = await Page("/search?q=" + Uri.EscapeDataString("模型"));
        Assert.Contains("还有 2 条刚导入的条目尚未编入搜索索引", waiting.QuerySelector(".search-pending")!.TextContent);

        new Digest.Core.Search.SearchIndexer(factory.Database).CatchUp();
        var caughtUp = await Page("/search?q=" + Uri.EscapeDataString("模型"));
        Assert.Null(caughtUp.QuerySelector(".search-pending"));
        Assert.Equal(waiting.QuerySelector(".search-total")!.TextContent, caughtUp.QuerySelector(".search-total")!.TextContent);
    }

    [Fact]
    public async Task An_empty_query_shows_help_with_examples()
    {
        var document = await Page("/search");
        Assert.NotNull(document.QuerySelector(".search-help"));
        Assert.Contains(document.QuerySelectorAll(".search-help a"), a => a.GetAttribute("href")!.Contains("author:"));
    }

    [Fact]
    public async Task A_two_character_chinese_word_gives_highlighted_papers_matching_the_api()
    {
        var document = await Page("/search?q=" + Uri.EscapeDataString("模型"));
        var cards = document.QuerySelectorAll(".search-result");
        Assert.NotEmpty(cards);
        // Adjacent matches share one <mark> ("模型模型"), so each card needs a mark that holds the word.
        Assert.All(cards, card => Assert.Contains(card.QuerySelectorAll("mark"), m => m.TextContent.Contains("模型", StringComparison.Ordinal)));
        Assert.Equal("模型", document.QuerySelector(".search-form input[name=q]")!.GetAttribute("value"));

        using var json = await Api("/api/search?q=" + Uri.EscapeDataString("模型"));
        var total = json.RootElement.GetProperty("total").GetInt32();
        Assert.False(json.RootElement.GetProperty("total_capped").GetBoolean());
        Assert.Equal(total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), document.QuerySelector(".search-total")!.TextContent);
        Assert.Equal(
            json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString()),
            cards.Select(c => c.QuerySelector(".search-title")!.TextContent.Trim()));
        Assert.NotNull(document.QuerySelector("a.search-feed"));
        if (total > 20)
        {
            Assert.NotNull(document.QuerySelector(".search-pages a[rel=next]"));
        }
    }

    [Fact]
    public async Task The_api_returns_the_documented_fields()
    {
        using var json = await Api("/api/search?q=llm&sort=newest&page=1");
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("page").GetInt32());
        var first = root.GetProperty("results").EnumerateArray().First();
        foreach (var field in new[] { "key", "title", "title_note", "authors", "dates", "source", "pdf_url", "snippet" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }

        Assert.Equal(JsonValueKind.Array, first.GetProperty("dates").ValueKind);
    }

    [Theory]
    [InlineData("/api/search?q=-llm")]
    [InlineData("/api/search?q=a&from=yesterday")]
    [InlineData("/api/search?q=a&source=nature")]
    [InlineData("/api/search?q=a&sort=random")]
    [InlineData("/api/search?q=a&page=-1")]
    [InlineData("/api/search")]
    public async Task Bad_requests_get_a_zh_cn_problem(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Matches("[\u4e00-\u9fff]", json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_feed_is_atom_of_the_newest_matches()
    {
        var response = await _client.GetAsync("/search/feed?q=" + Uri.EscapeDataString("模型"));
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var updated = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "updated")!.Value).ToList();
        Assert.NotEmpty(updated);
        Assert.Equal(updated.OrderDescending(StringComparer.Ordinal), updated);

        using var reader = System.Xml.XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var syndication = System.ServiceModel.Syndication.SyndicationFeed.Load(reader);
        Assert.Equal(updated.Count, syndication.Items.Count());
    }

    [Fact]
    public async Task Random_queries_over_http_never_give_a_500()
    {
        var random = new Random(4);
        string[] pieces = ["\"", "*", "(", ")", "-", ":", "^", "AND", "NEAR", "author:", "au:", "遗忘", "学", "，", "llm", "a", " ", "\u0001", "%", "&", "#", "<b>", "\ud800"];
        for (var i = 0; i < 300; i++)
        {
            var builder = new StringBuilder();
            for (var j = random.Next(1, 8); j > 0; j--)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            var q = Uri.EscapeDataString(builder.ToString().Replace("\ud800", "\ufffd"));
            foreach (var url in new[] { $"/api/search?q={q}", $"/search?q={q}", $"/search/feed?q={q}", $"/api/search?author={q}&page={random.Next(-1, 3)}" })
            {
                var response = await _client.GetAsync(url);
                Assert.True((int)response.StatusCode < 500, $"{url} gave {(int)response.StatusCode}");
            }
        }
    }

    [Theory]
    [InlineData("模型 学习", "搜索：模型 学习")]
    [InlineData("\"瓶颈 为此\"", "搜索：\"瓶颈 为此\"")] // a quoted phrase shows its own quotes, not a second pair
    public async Task The_filter_row_shows_the_query_as_typed(string query, string shown)
    {
        var document = await Page("/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(shown, document.QuerySelector(".search-form .search-query")!.TextContent);
    }

    [Fact]
    public async Task Html_in_the_query_is_encoded()
    {
        var body = await (await _client.GetAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)", body);
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> Page(string url)
    {
        var response = await _client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonDocument> Api(string url)
    {
        var response = await _client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
