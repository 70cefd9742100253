using System.Diagnostics;
using Dapper;
using Digest.Core.Export;
using Digest.Core.Import;
using Digest.Core.Search;
using Digest.Core.Storage;
using Digest.Core.Synthetic;
using Digest.Core.Tests.Support;

namespace Digest.Core.Tests.Storage;

/// <summary>Kills a real import process part-way and checks that the file stays consistent and the next run completes.</summary>
public sealed class KillMidImportTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_killed_import_leaves_a_consistent_database_that_the_next_run_completes()
    {
        var digests = _temp.File("digests");
        new SyntheticCorpus(papers: 100_000, seed: 7).WriteTo(digests);
        var killedDb = _temp.File("killed.db");

        using (var import = StartCli("import", digests, "--db", killedDb))
        {
            await WaitForProgress(import);
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();
        }

        var killed = new Database(killedDb);
        using (var connection = killed.Open())
        {
            Assert.Equal("ok", connection.QuerySingle<string>("PRAGMA integrity_check"));
            Assert.Equal("ok", connection.QuerySingle<string>("PRAGMA search.integrity_check"));
            var filesDone = connection.QuerySingle<int>("SELECT COUNT(*) FROM source_file");
            Assert.InRange(filesDone, 1, Directory.GetFiles(digests).Length - 1);
            Assert.Equal(
                connection.QuerySingle<long>("SELECT COALESCE(SUM(entry_count), 0) FROM digest"),
                connection.QuerySingle<long>("SELECT COUNT(*) FROM entry"));
            Assert.Equal(0, connection.QuerySingle<long>("SELECT COUNT(*) FROM entry e LEFT JOIN paper p ON p.id = e.paper_id WHERE p.id IS NULL"));
        }

        var resumed = new Importer(killed).Import([digests]);
        Assert.True(resumed.FilesUnchanged > 0, "files committed before the kill are skipped");

        var clean = new Database(_temp.File("clean.db"));
        new Importer(clean).Import([digests]);
        Assert.Equal(Export(clean), Export(killed));
        using (var connection = killed.Open())
        {
            Assert.Equal(0, connection.QuerySingle<long>("SELECT COUNT(*) FROM main.search_queue"));
            Assert.Equal(connection.Query<long>("SELECT id FROM main.entry ORDER BY id"), connection.Query<long>("SELECT id FROM search.search_entry ORDER BY id"));
        }

        foreach (var query in new[] { "模型", "llm", "\"模型 学习\"" })
        {
            Assert.Equal(
                new SearchService(clean).Search(new SearchRequest { Query = query }).Total,
                new SearchService(killed).Search(new SearchRequest { Query = query }).Total);
        }
    }

    private static string Export(Database database)
    {
        using var output = new MemoryStream();
        new EntryExporter(database).WriteJsonLines(output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>Waits for the CLI's progress line on stderr to report a few files done.</summary>
    private static async Task WaitForProgress(Process import)
    {
        var buffer = new char[256];
        var seen = new System.Text.StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!timeout.IsCancellationRequested)
        {
            var read = await import.StandardError.ReadAsync(buffer.AsMemory(), timeout.Token);
            Assert.True(read > 0, "the import ended before it could be killed: " + seen);
            seen.Append(buffer, 0, read);
            var match = System.Text.RegularExpressions.Regex.Match(seen.ToString(), @"files (\d+)/(\d+)[^\r]*\r?[^\r]*$");
            if (match.Success && int.Parse(match.Groups[1].Value) >= 3)
            {
                return;
            }
        }

        throw new TimeoutException("the import reported no progress within 60 s: " + seen);
    }

    private static Process StartCli(params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "digest.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}
