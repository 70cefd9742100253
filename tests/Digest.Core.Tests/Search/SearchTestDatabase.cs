using System.Text.Json;
using Dapper;
using Digest.Core.Search;
using Digest.Core.Storage;

namespace Digest.Core.Tests.Search;

/// <summary>A temporary database filled entry by entry, for ranking and edge cases.</summary>
public sealed class SearchTestDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"digest-search-{Guid.NewGuid():N}.db");

    public SearchTestDatabase()
    {
        Database = new Database(_path);
        using var connection = Database.Open();
        connection.Execute("INSERT INTO source_file (id, path, sha256, rows_read, problems, imported_at) VALUES (1, 'test.md', '', 0, 0, '')");
    }

    public Database Database { get; }

    public long Add(string key, string date, string title, string? note = null, string? abstractText = null, string[]? authors = null, string source = "arxiv")
    {
        using var connection = Database.Open();
        var digest = connection.ExecuteScalar<long>("""
            INSERT INTO digest (date, source, state, file_id, kind, line, entry_count, imported_at)
            VALUES ($date, $source, 'papers', 1, 0, 1, 0, '')
            ON CONFLICT (date, source) DO UPDATE SET entry_count = entry_count + 1 RETURNING id
            """, new { date, source });
        var paper = connection.ExecuteScalar<long>("""
            INSERT INTO paper (key, kind, title, authors, pdf_url, first_seen, last_seen, entry_count)
            VALUES ($key, 'arxiv', $title, '[]', 'https://arxiv.org/pdf/' || $key, $date, $date, 1)
            ON CONFLICT (key) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen) RETURNING id
            """, new { key, title, date });
        var id = connection.ExecuteScalar<long>("""
            INSERT INTO entry (digest_id, paper_id, date, source, rank, line, title, title_note, authors, abstract, flags, row_hash)
            VALUES ($digest, $paper, $date, $source, (SELECT COUNT(*) + 1 FROM entry WHERE digest_id = $digest), 1, $title, $note, $authors, $abstract, '[]', '')
            RETURNING id
            """, new { digest, paper, date, source, title, note, @abstract = abstractText, authors = JsonSerializer.Serialize(authors ?? []) });
        Index();
        return id;
    }

    /// <summary>Brings the search index up to date with the entries, as the importer does after writing them.</summary>
    public void Index() => new SearchIndexer(Database).CatchUp();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in SearchIndexFile.AllFiles(_path))
        {
            File.Delete(file);
        }
    }
}
