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
    private readonly bool _synthetic;

    public CorpusDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"digest-search-corpus-{Guid.NewGuid():N}.db");
        Database = new Database(Path);
        var importer = new Importer(Database);
        var corpus = FindCorpus();
        if (corpus is null)
        {
            _synthetic = true;
            Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"digest-search-synthetic-{Guid.NewGuid():N}");
            new Digest.Core.Synthetic.SyntheticCorpus(papers: 3000, seed: 11).WriteTo(Folder);
            importer.Import([Folder]);
        }
        else
        {
            Folder = corpus;
            foreach (var entry in Import.ManifestEntry.Load(Folder))
            {
                importer.Import([System.IO.Path.Combine(Folder, entry.File)], entry.DateToPass);
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
        foreach (var file in Digest.Core.Search.SearchIndexFile.AllFiles(Path))
        {
            File.Delete(file);
        }

        if (_synthetic && Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
