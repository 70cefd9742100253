using Digest.Web.Tests.Support;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Digest.Web.Tests.Browser;

/// <summary>Headless Chromium from the system (/usr/bin/chromium), never a downloaded one.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } =
        Path.Combine(TestDigests.RepositoryRoot(), "tests", "Digest.Web.Tests", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }

    public static string Screenshot(string name) => Path.Combine(ScreenshotFolder, name + ".png");

    /// <summary>
    /// Waits until the page is at this path and query and its new document has been parsed. It polls the URL:
    /// <c>WaitForURLAsync</c> listens for the navigation event, and on a loaded machine it can miss it and time out
    /// on a page that has long arrived.
    /// </summary>
    public static Task ExpectPageAsync(IPage page, string pathAndQuery) =>
        ExpectPageAsync(page, new Regex(Regex.Escape(pathAndQuery) + "$"));

    /// <inheritdoc cref="ExpectPageAsync(IPage, string)"/>
    public static async Task ExpectPageAsync(IPage page, Regex pathAndQuery)
    {
        var url = new Regex("^https?://[^/]+" + pathAndQuery.ToString().TrimStart('^'));
        await Assertions.Expect(page).ToHaveURLAsync(url);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
