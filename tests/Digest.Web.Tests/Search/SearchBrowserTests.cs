using System.Text.RegularExpressions;
using Digest.Web.Tests.Browser;
using Digest.Web.Tests.Support;
using Microsoft.Playwright;

namespace Digest.Web.Tests.Search;

/// <summary>Searching from the header box in headless Chromium, against the app on a real port over the seeds.</summary>
[Collection(SiteCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SearchBrowserTests(DigestSite site, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_reader_searches_a_two_character_word_from_the_header_and_opens_a_result()
    {
        await using var context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = site.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/day/2025-10-22");

        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("遗忘");
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.ExpectPageAsync(page, "/search?q=" + Uri.EscapeDataString("遗忘"));

        // Inside the site layout: the header, its nav, and the header box holding the query.
        Assert.Equal(1, await page.Locator("header.site-header nav.site-nav").CountAsync());
        Assert.Equal("遗忘", await page.Locator("header.site-header input[name=q]").InputValueAsync());
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));

        // The filters row, the total, highlighted results and the feed link.
        foreach (var field in new[] { "select[name=source]", "input[name=from]", "input[name=to]", "select[name=sort]" })
        {
            Assert.Equal(1, await page.Locator($"form.search-form {field}").CountAsync());
        }

        Assert.Matches(@"共 \d+ 篇", await page.Locator(".search-summary").InnerTextAsync());
        var results = page.Locator("li.search-result");
        Assert.True(await results.CountAsync() >= 1);
        Assert.True(await page.Locator("li.search-result mark").CountAsync() >= 1);
        Assert.Equal("遗忘", await page.Locator("li.search-result mark").First.InnerTextAsync());
        Assert.Equal(1, await page.Locator("a.search-feed").CountAsync());
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("search-1-results"), FullPage = true });

        await page.ClickAsync("li.search-result h3 a >> text=实践固知");
        await BrowserFixture.ExpectPageAsync(page, new Regex(@"/paper/2510\.18874(\?.*)?"));
        Assert.Equal("实践固知：策略内数据在缓解遗忘中的作用", await page.Locator("h1").TextContentAsync());
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("search-2-paper") });
    }

    [Fact]
    public async Task While_the_index_catches_up_the_results_say_so()
    {
        var database = new Digest.Core.Storage.Database(site.DatabasePath);
        using (var connection = database.Open())
        {
            Dapper.SqlMapper.Execute(connection, "UPDATE entry SET title = title WHERE id = (SELECT MIN(id) FROM entry)");
        }

        await using var context = await chromium.Browser.NewContextAsync(new() { BaseURL = site.BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("遗忘"));
        await Assertions.Expect(page.Locator(".search-pending")).ToContainTextAsync("还有 1 条刚导入的条目尚未编入搜索索引");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("search-3-index-catching-up") });

        new Digest.Core.Search.SearchIndexer(database).CatchUp();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".search-pending")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("li.search-result")).Not.ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_empty_search_page_explains_the_query_language_inside_the_layout()
    {
        await using var context = await chromium.Browser.NewContextAsync(new() { BaseURL = site.BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/search");
        Assert.Equal(1, await page.Locator("header.site-header").CountAsync());
        Assert.Equal(1, await page.Locator(".search-help").CountAsync());
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("search-0-empty") });
    }
}
