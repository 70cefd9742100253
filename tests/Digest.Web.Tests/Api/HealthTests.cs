using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Api;

[Collection(SiteCollection.Name)]
public sealed class HealthTests(DigestSite site)
{
    [Fact]
    public async Task Reports_the_database_and_the_importer()
    {
        var health = await site.GetJsonAsync("/healthz");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        var database = health.GetProperty("database");
        Assert.Equal(site.DatabasePath, database.GetProperty("path").GetString());
        Assert.Equal(database.GetProperty("latest_schema_version").GetInt32(), database.GetProperty("schema_version").GetInt32());
        Assert.Equal(4, database.GetProperty("days").GetInt32());
        Assert.Equal(14, database.GetProperty("papers").GetInt32());
        Assert.Equal(Path.ChangeExtension(site.DatabasePath, ".search.db"), database.GetProperty("search_index_path").GetString());
        Assert.Equal(0, database.GetProperty("search_pending").GetInt32());
        var importer = health.GetProperty("importer");
        Assert.Equal(site.DigestFolder, importer.GetProperty("watched_folder").GetString());
        Assert.StartsWith("watching", importer.GetProperty("state").GetString());
        Assert.Equal(JsonNull, importer.GetProperty("last_import").GetProperty("error").ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
