using System.Globalization;
using Dapper;
using Digest.Core.Import;
using Digest.Core.Storage;

namespace Digest.Core.Tests.Search;

/// <summary>The real corpus (<c>&lt;repo&gt;/../shared/corpus</c>) imported once into a temporary database.</summary>
public sealed class CorpusDatabase : IDisposable
{
    public CorpusDatabase()
    {
        Folder = FindCorpus();
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"digest-search-corpus-{Guid.NewGuid():N}.db");
        Database = new Database(Path);
        var importer = new Importer(Database);
        foreach (var (file, date) in Manifest(Folder))
        {
            importer.Import([System.IO.Path.Combine(Folder, file)], date);
        }

        using var connection = Database.Open();
        EntryCount = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM entry");
    }

    public string Folder { get; }
    public string Path { get; }
    public Database Database { get; }
    public int EntryCount { get; }

    public static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Digest.sln")))
            {
                var corpus = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "corpus"));
                if (Directory.Exists(corpus))
                {
                    return corpus;
                }
            }
        }

        throw new DirectoryNotFoundException("shared/corpus next to the repository was not found");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
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
