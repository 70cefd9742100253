using System.Net;
using System.Text.Json;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Bookmarks;

/// <summary>Bookmarks point at stable keys: a re-import of a digest in the watched folder keeps them. Own site, since it rewrites data.</summary>
public sealed class ReimportTests(DigestSite site) : IClassFixture<DigestSite>
{
    [Fact]
    public async Task Bookmarks_survive_a_reimport_of_the_digest_they_point_at()
    {
        using var reader = new Reader(site.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await reader.ToggleAsync("paper", "2510.20001")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.ToggleAsync("section", $"{TestDigests.LatestDate}/arxiv")).StatusCode);
        var imports = await ImportsAsync();

        File.WriteAllText(Path.Combine(site.DigestFolder, $"{TestDigests.LatestDate}-arxiv.md"), TestDigests.Simple("arxiv", TestDigests.LatestDate,
            ("改过标题的长上下文检索", "Haochen Wang", "2510.20001"), ("新加的一篇", "Ada Li", "2510.20002")));
        await DigestSite.WaitUntilAsync(async () => await ImportsAsync() > imports, TimeSpan.FromSeconds(30));

        Assert.Equal(["section:" + TestDigests.LatestDate + "/arxiv", "paper:2510.20001"], await reader.ListAsync());
        var page = await reader.PageAsync("/bookmarks");
        Assert.Contains("改过标题的长上下文检索", page.QuerySelector(".bookmark-paper")!.TextContent);
        Assert.Contains("共 2 篇", page.QuerySelector(".bookmark-day")!.TextContent);
        var day = await reader.PageAsync($"/day/{TestDigests.LatestDate}");
        Assert.Equal("true", day.QuerySelector("#star-paper-2510_20001 button")!.GetAttribute("aria-pressed"));
    }

    private async Task<int> ImportsAsync()
    {
        using var health = JsonDocument.Parse(await site.Client.GetStringAsync("/healthz"));
        return health.RootElement.GetProperty("importer").GetProperty("imports").GetInt32();
    }
}
