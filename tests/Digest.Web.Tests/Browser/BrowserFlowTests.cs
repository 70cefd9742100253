using Digest.Web.Tests.Support;
using Microsoft.Playwright;

namespace Digest.Web.Tests.Browser;

/// <summary>Reader flows in headless Chromium against the app on a real port. Screenshots go to tests/Digest.Web.Tests/screenshots/.</summary>
[Collection(SiteCollection.Name)]
[Trait("Category", "Browser")]
public sealed class BrowserFlowTests(DigestSite site, BrowserFixture chromium) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_reader_opens_the_home_page_a_day_a_paper_and_its_author()
    {
        var page = await NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });

        await page.GotoAsync("/");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("1-home"), FullPage = true });
        await page.ClickAsync(".recent a.day-link[href='/day/2025-10-22']");
        await BrowserFixture.ExpectPageAsync(page, "/day/2025-10-22");
        Assert.Equal(10, await page.Locator("li.entry").CountAsync());
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("2-day") });

        await page.ClickAsync("#arxiv-2 .entry-title a");
        await BrowserFixture.ExpectPageAsync(page, "/paper/2510.18874?from=2025-10-22/arxiv");
        Assert.Equal("实践固知：策略内数据在缓解遗忘中的作用", await page.Locator("h1").TextContentAsync());
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("3-paper"), FullPage = true });

        await page.ClickAsync(".authors a.author");
        await BrowserFixture.ExpectPageAsync(page, "/author/Howard%20Chen");
        Assert.Equal("Howard Chen", await page.Locator("h1").TextContentAsync());
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("4-author") });
    }

    [Fact]
    public async Task J_and_k_move_a_visible_focus_ring_o_opens_the_paper_p_the_pdf_and_slash_searches()
    {
        var page = await NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.Context.RouteAsync("http://arxiv.org/**", route => route.FulfillAsync(new() { Body = "pdf", ContentType = "text/plain" }));
        await page.GotoAsync("/day/2025-10-22");

        await page.Keyboard.PressAsync("j");
        Assert.Equal("arxiv-1", await ActiveIdAsync(page));
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        Assert.Equal("arxiv-3", await ActiveIdAsync(page));
        await page.Keyboard.PressAsync("k");
        Assert.Equal("arxiv-2", await ActiveIdAsync(page));
        var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.Equal("solid 3px", outline);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("5-keyboard-focus") });

        var pdf = await page.Context.RunAndWaitForPageAsync(() => page.Keyboard.PressAsync("p"));
        Assert.Equal("http://arxiv.org/pdf/2510.18874v1", pdf.Url);
        await pdf.CloseAsync();
        await page.BringToFrontAsync();
        Assert.Equal("arxiv-2", await ActiveIdAsync(page));

        await page.Keyboard.PressAsync("o");
        await BrowserFixture.ExpectPageAsync(page, "/paper/2510.18874?from=2025-10-22/arxiv");

        await page.Keyboard.PressAsync("/");
        Assert.Equal("search-box", await ActiveIdAsync(page));
        await page.Keyboard.TypeAsync("模型");
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.ExpectPageAsync(page, "/search?q=" + Uri.EscapeDataString("模型"));
    }

    [Fact]
    public async Task The_day_page_fits_a_375_pixel_phone_with_44_pixel_touch_targets()
    {
        var page = await NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 });

        await page.GotoAsync("/day/2025-10-22");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 375, "the page scrolls sideways at 375 px");
        var pdf = await page.Locator("#arxiv-1 a.pdf").BoundingBoxAsync();
        Assert.True(pdf!.Height >= 44 && pdf.Width >= 44, $"PDF link is {pdf.Width}x{pdf.Height}");
        var tab = await page.Locator(".source-tabs a").First.BoundingBoxAsync();
        Assert.True(tab!.Height >= 44);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("6-phone-day") });

        await page.GotoAsync("/paper/2510.18876?from=2025-10-22/arxiv");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 375);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("7-phone-paper"), FullPage = true });

        await page.GotoAsync("/days");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 375);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("8-phone-days"), FullPage = true });
    }

    [Fact]
    public async Task Dark_mode_follows_the_system_preference()
    {
        var page = await NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, ColorScheme = ColorScheme.Dark });

        await page.GotoAsync("/day/2025-10-22");
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(22, 22, 22)", background);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("9-dark-day") });

        await page.GotoAsync("/days");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("10-dark-days"), FullPage = true });
    }

    [Fact]
    public async Task Hostile_cells_run_no_script_and_open_no_dialog()
    {
        var page = await NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        foreach (var url in new[] { "/day/2025-10-20", "/", "/author/%3Cimg%20src=x%20onerror=%22window.__xss=2;alert(2)%22%3E" })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            foreach (var summary in await page.Locator("details.abstract > summary").AllAsync())
            {
                await summary.ClickAsync();
            }

            Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        }

        await page.GotoAsync("/day/2025-10-20");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("11-hostile-cells") });
        Assert.Empty(dialogs);
    }

    private async Task<IPage> NewPageAsync(BrowserNewContextOptions options)
    {
        options.BaseURL = site.BaseAddress.ToString().TrimEnd('/');
        options.Locale = "zh-CN";
        var context = await chromium.Browser.NewContextAsync(options);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    private static Task<string> ActiveIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement.id");
}
