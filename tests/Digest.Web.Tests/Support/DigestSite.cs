using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Digest.Core.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Support;

/// <summary>
/// The app on a real Kestrel port (127.0.0.1, any free port) over a temporary database, seeds folder and digest
/// folder. It starts when the fixture does and is ready once the first background import has finished.
/// </summary>
public class DigestSite : IAsyncLifetime
{
    private readonly Factory _factory;

    public DigestSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "digest-web-tests", Guid.NewGuid().ToString("n"));
        SeedsFolder = Path.Combine(Root, "seeds");
        DigestFolder = Path.Combine(Root, "digests");
        DatabasePath = Path.Combine(Root, "digest.db");
        Directory.CreateDirectory(SeedsFolder);
        Directory.CreateDirectory(DigestFolder);
        _factory = new Factory(this);
    }

    public string Root { get; }
    public string SeedsFolder { get; }
    public string DigestFolder { get; }
    public string DatabasePath { get; }
    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    /// <summary>Writes the seeds and the empty day before the app starts; override to start with something else.</summary>
    protected virtual void Prepare()
    {
        TestDigests.WriteSeeds(SeedsFolder);
        AddEmptyDay(TestDigests.EmptyDate);
    }

    public async Task InitializeAsync()
    {
        Prepare();
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        await WaitUntilAsync(async () =>
        {
            using var health = JsonDocument.Parse(await Client.GetStringAsync("/healthz"));
            return health.RootElement.GetProperty("importer").GetProperty("imports").GetInt32() >= 1;
        }, TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public async Task<IHtmlDocument> GetDocumentAsync(string url, int expectedStatus = 200)
    {
        using var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"GET {url}: expected {expectedStatus}, got {(int)response.StatusCode}\n{html}");
        return new HtmlParser().ParseDocument(html);
    }

    public async Task<JsonElement> GetJsonAsync(string url, int expectedStatus = 200)
    {
        using var response = await Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"GET {url}: expected {expectedStatus}, got {(int)response.StatusCode}\n{text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"condition not met within {timeout}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A day whose arXiv digest had no papers and whose bioRxiv fetch failed, written as the generator writes them.</summary>
    private void AddEmptyDay(string date)
    {
        File.WriteAllText(Path.Combine(SeedsFolder, $"{date}-arxiv.md"), $"# arXiv {date}\n\n> 当天没有抓取到有效论文。\n");
        File.WriteAllText(Path.Combine(SeedsFolder, $"{date}-biorxiv.md"), $"# bioRxiv {date}\n\n> 抓取失败：timeout\n");
    }

    private sealed class Factory(DigestSite site) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Digest:DatabasePath", site.DatabasePath);
            builder.UseSetting("Digest:SeedsFolder", site.SeedsFolder);
            builder.UseSetting("Digest:DigestFolder", site.DigestFolder);
            builder.UseSetting("Digest:DebounceMilliseconds", "200");
            builder.UseSetting("Digest:RescanMilliseconds", "1000");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<DigestSite>
{
    public const string Name = "site";
}
