using Digest.Web.Tests.Browser;
using Digest.Web.Tests.Support;
using Microsoft.Playwright;

namespace Digest.Web.Tests.Bookmarks;

/// <summary>Bookmark a day and a paper, reload, see both on /bookmarks, remove one: with JavaScript and without.</summary>
[Collection(SiteCollection.Name)]
[Trait("Category", "Browser")]
public sealed class BookmarkBrowserTests(DigestSite site, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private const string Day = TestDigests.SeedDate;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_reader_stars_a_day_and_a_paper_and_removes_one(bool javaScript)
    {
        var name = javaScript ? "js" : "nojs";
        await using var context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = site.BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new() { Width = 375, Height = 800 },
            ColorScheme = javaScript ? ColorScheme.Light : ColorScheme.Dark,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/day/" + Day);
        var dayStar = page.Locator($"#star-day-{Day} button");
        var paperStar = page.Locator("#star-paper-2510_18874 button");
        Assert.Equal("false", await dayStar.GetAttributeAsync("aria-pressed"));

        await dayStar.ClickAsync();
        if (!javaScript)
        {
            // The shared page's form had no token: nothing changed, confirm once through a form that has one.
            await BrowserFixture.ExpectPageAsync(page, "/bookmarks/toggle");
            await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot($"bm-{name}-0-confirm") });
            await page.ClickAsync("button[type=submit]");
            await BrowserFixture.ExpectPageAsync(page, $"/day/{Day}#star-day-{Day}");
        }

        await Assertions.Expect(dayStar).ToHaveAttributeAsync("aria-pressed", "true");
        await paperStar.ClickAsync();
        await Assertions.Expect(paperStar).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal("取消收藏这篇论文", await paperStar.GetAttributeAsync("aria-label"));
        await page.Locator("#arxiv-2").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot($"bm-{name}-1-day") });

        await page.ReloadAsync();
        await Assertions.Expect(dayStar).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(paperStar).ToHaveAttributeAsync("aria-pressed", "true");

        await page.ClickAsync(".site-nav a[href='/bookmarks']");
        await BrowserFixture.ExpectPageAsync(page, "/bookmarks");
        Assert.Equal(1, await page.Locator(".bookmark-day").CountAsync());
        Assert.Equal(1, await page.Locator(".bookmark-paper").CountAsync());
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot($"bm-{name}-2-list"), FullPage = true });

        await page.ClickAsync(".bookmark-paper button.remove");
        // The list reloads (or, with JavaScript, updates in place) at the same address: wait for the paper to go.
        await Assertions.Expect(page.Locator(".bookmark-paper")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".bookmark-day")).ToHaveCountAsync(1);

        await page.GotoAsync("/paper/2510.18874");
        await Assertions.Expect(page.Locator(".paper-heading button.star")).ToHaveAttributeAsync("aria-pressed", "false");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot($"bm-{name}-3-paper") });
    }
}
