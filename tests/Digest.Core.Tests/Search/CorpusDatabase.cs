using System.Globalization;
using Dapper;
using Digest.Core.Import;
using Digest.Core.Storage;

namespace Digest.Core.Tests.Search;

/// <summary>
/// The real corpus (<c>&lt;repo&gt;/../shared/corpus</c>) imported once into a temporary database. A checkout without
/// the corpus beside it gets a deterministic synthetic archive instead: the tests compare search with a plain scan
/// of whatever was imported, so they hold on either.
/// </summary>
public sealed class CorpusDatabase : IDisposable
{
    public CorpusDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"digest-search-corpus-{Guid.NewGuid():N}.db");
        Database = new Database(Path);
        var importer = new Importer(Database);
        var corpus = FindCorpus();
        if (corpus is null)
        {
            Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"digest-search-synthetic-{Guid.NewGuid():N}");
            new Digest.Core.Synthetic.SyntheticCorpus(papers: 3000, seed: 11).WriteTo(Folder);
            importer.Import([Folder]);
        }
        else
        {
            Folder = corpus;
            foreach (var (file, date) in Manifest(Folder))
            {
                importer.Import([System.IO.Path.Combine(Folder, file)], date);
            }
        }

        using var connection = Database.Open();
        EntryCount = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM entry");
    }

    public string Folder { get; }
    public string Path { get; }
    public Database Database { get; }
    public int EntryCount { get; }

    public static string? FindCorpus() => Support.RepoPaths.Corpus;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }

        if (Folder.Contains("digest-search-synthetic-", StringComparison.Ordinal) && Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>Each corpus file with the date it needs from outside (commit-date files), else null.</summary>
    private static IEnumerable<(string File, DateOnly? Date)> Manifest(string folder)
    {
        var lines = File.ReadAllLines(System.IO.Path.Combine(folder, "manifest.tsv"));
        var header = lines[0].Split('\t');
        int file = Array.IndexOf(header, "file"), dates = Array.IndexOf(header, "dates"), dateSource = Array.IndexOf(header, "date_source");
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split('\t');
            DateOnly? date = cells[dateSource] == "commit-date"
                ? DateOnly.ParseExact(cells[dates].Split(',')[0], "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null;
            yield return (cells[file], date);
        }
    }
}
