using System.Text.Json;
using Digest.Core.Import;
using Digest.Core.Search;
using Digest.Core.Storage;
using Digest.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Digest.Web.Tests.Search;

/// <summary>
/// An app started over a database whose search index file is gone (an upgrade, or a deleted file) and with no
/// folder to import: it rebuilds the index at start instead of waiting for an import that never comes.
/// </summary>
public sealed class SearchIndexUpgradeTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "digest-web-tests", Guid.NewGuid().ToString("n"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Search_works_after_start_when_the_index_file_was_deleted_and_nothing_is_imported()
    {
        var databasePath = Path.Combine(_root, "digest.db");
        var seeds = Path.Combine(_root, "seeds");
        TestDigests.WriteSeeds(seeds);
        new Importer(new Database(databasePath)).Import([seeds]);
        Directory.Delete(seeds, recursive: true);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in SearchIndexFile.IndexFiles(databasePath))
        {
            File.Delete(file);
        }

        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Digest:DatabasePath", databasePath);
            builder.UseSetting("Digest:SeedsFolder", seeds);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        });
        var client = factory.CreateClient();

        await DigestSite.WaitUntilAsync(async () =>
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("遗忘")));
            return json.RootElement.GetProperty("total").GetInt32() == 1;
        }, TimeSpan.FromSeconds(30));
        using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
        Assert.Equal(0, health.RootElement.GetProperty("database").GetProperty("search_pending").GetInt32());
        Assert.Equal(0, health.RootElement.GetProperty("importer").GetProperty("imports").GetInt32());
    }
}
