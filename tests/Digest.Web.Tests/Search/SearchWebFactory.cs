using System.Globalization;
using Digest.Core.Import;
using Digest.Core.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Digest.Web.Tests.Search;

/// <summary>
/// The app over a temporary database holding the real corpus (<c>&lt;repo&gt;/../shared/corpus</c>), or, in a checkout
/// without it, the bundled seed and a deterministic synthetic archive.
/// </summary>
public sealed class SearchWebFactory : WebApplicationFactory<Program>
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"digest-search-web-{Guid.NewGuid():N}.db");
    private readonly string? _synthetic;

    public SearchWebFactory()
    {
        var folder = FindCorpus();
        var importer = new Importer(new Database(_path));
        if (folder is null)
        {
            _synthetic = Path.Combine(Path.GetTempPath(), $"digest-search-web-synthetic-{Guid.NewGuid():N}");
            new Digest.Core.Synthetic.SyntheticCorpus(papers: 2000, seed: 11).WriteTo(_synthetic);
            importer.Import([_synthetic, Path.Combine(RepoRoot(), "seeds")]);
            return;
        }

        var lines = File.ReadAllLines(Path.Combine(folder, "manifest.tsv"));
        var header = lines[0].Split('\t');
        int file = Array.IndexOf(header, "file"), dates = Array.IndexOf(header, "dates"), dateSource = Array.IndexOf(header, "date_source");
        foreach (var cells in lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')))
        {
            DateOnly? date = cells[dateSource] == "commit-date"
                ? DateOnly.ParseExact(cells[dates].Split(',')[0], "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null;
            importer.Import([Path.Combine(folder, cells[file])], date);
        }
    }

    public Database Database => new(_path);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Digest:DatabasePath", _path);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Digest.Core.Search.SearchIndexFile.AllFiles(_path))
        {
            File.Delete(file);
        }

        if (_synthetic is not null && Directory.Exists(_synthetic))
        {
            Directory.Delete(_synthetic, recursive: true);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Digest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Digest.sln was not found above the test assembly");
    }

    private static string? FindCorpus()
    {
        var corpus = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "corpus"));
        return Directory.Exists(corpus) ? corpus : null;
    }
}
