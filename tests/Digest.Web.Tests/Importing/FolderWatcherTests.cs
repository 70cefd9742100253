using System.Net;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Importing;

/// <summary>The app picks up a digest written into the watched folder while it runs, without a failed request.</summary>
public sealed class FolderWatcherTests : IAsyncLifetime
{
    private readonly DigestSite _site = new();

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task A_new_digest_appears_within_five_seconds_and_a_changed_one_replaces_it()
    {
        using var before = await _site.Client.GetAsync("/day/2025-11-03");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        var home = await _site.GetDocumentAsync("/");
        Assert.StartsWith(TestDigests.LatestDate, home.QuerySelector("#day-title")!.TextContent.Trim());

        using var reading = new CancellationTokenSource();
        var reader = KeepReadingAsync(reading.Token);
        var file = Path.Combine(_site.DigestFolder, "nested", "2025-11-03-arxiv.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, TestDigests.Simple("arxiv", "2025-11-03", ("新到的论文", "Carol Liu", "2511.00001")));

        // The day's own page answers from the database as soon as the import commits; the home page may come from
        // the output cache until the data version moves a moment later. Both must show the new day within 5 s.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await DigestSite.WaitUntilAsync(async () =>
        {
            using var response = await _site.Client.GetAsync("/day/2025-11-03");
            home = await _site.GetDocumentAsync("/");
            return response.StatusCode == HttpStatusCode.OK
                && home.QuerySelector("#day-title")!.TextContent.Trim().StartsWith("2025-11-03", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(5));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));

        Assert.Equal("新到的论文", home.QuerySelector(".entry-title a")!.TextContent);

        await File.WriteAllTextAsync(file, TestDigests.Simple("arxiv", "2025-11-03",
            ("新到的论文", "Carol Liu", "2511.00001"), ("又一篇", "Dan Xu", "2511.00002")));
        await DigestSite.WaitUntilAsync(async () =>
        {
            var page = await _site.GetDocumentAsync("/day/2025-11-03");
            return page.QuerySelectorAll("li.entry").Length == 2;
        }, TimeSpan.FromSeconds(5));

        reading.Cancel();
        var failures = await reader;
        Assert.Empty(failures);
    }

    /// <summary>Requests pages while imports run; returns the ones that failed.</summary>
    private async Task<List<string>> KeepReadingAsync(CancellationToken cancellation)
    {
        var failures = new List<string>();
        while (!cancellation.IsCancellationRequested)
        {
            foreach (var url in new[] { "/", "/day/2025-10-22", "/paper/2510.18876", "/api/days" })
            {
                using var response = await _site.Client.GetAsync(url, CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"{url}: {(int)response.StatusCode}");
                }
            }
        }

        return failures;
    }
}
