using System.Globalization;
using Digest.Core.Import;
using Digest.Core.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Digest.Web.Tests.Search;

/// <summary>The app over a temporary database holding the real corpus (<c>&lt;repo&gt;/../shared/corpus</c>).</summary>
public sealed class SearchWebFactory : WebApplicationFactory<Program>
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"digest-search-web-{Guid.NewGuid():N}.db");

    public SearchWebFactory()
    {
        var folder = FindCorpus();
        var importer = new Importer(new Database(_path));
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Digest:DatabasePath", _path);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
            if (File.Exists(Path.Combine(dir.FullName, "Digest.sln")) && Directory.Exists(corpus))
            {
                return corpus;
            }
        }

        throw new DirectoryNotFoundException("shared/corpus next to the repository was not found");
    }
}
