using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Digest.Core.Papers;
using Digest.Core.Search;
using Digest.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Digest.Core.Import;

/// <summary>
/// Imports digest files into the database, one transaction per file. An unchanged file is skipped by its
/// hash; a changed one replaces exactly the digests it holds. A file that cannot be read is reported and
/// changes nothing; a row that cannot be read becomes an import_problem and the file's other rows import.
/// </summary>
public sealed class Importer(Database database)
{
    public ImportReport Import(IEnumerable<string> paths, DateOnly? dateOverride = null, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = DigestFileFinder.Find(paths);
        using var connection = database.Open();
        // A bigger page cache and fewer checkpoints while many files arrive. The connection then goes back to the
        // pool, where page requests take it, with SQLite's defaults again.
        connection.Execute("PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384;");
        try
        {
            return Import(connection, files, dateOverride, progress, cancellationToken);
        }
        finally
        {
            connection.Execute($"PRAGMA cache_size = -{Database.DefaultCacheKib}; PRAGMA wal_autocheckpoint = 1000;");
        }
    }

    private ImportReport Import(SqliteConnection connection, IReadOnlyList<string> files, DateOnly? dateOverride, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var report = new ImportReport();
        var clock = Stopwatch.StartNew();
        var authorIds = new Dictionary<string, long>(StringComparer.Ordinal);
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var indexing = new SearchIndexer(database).RunAlongside(written.Task, cancellationToken);
        try
        {
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ImportFile(connection, file, dateOverride, authorIds, report);
                report.FilesSeen++;
                progress?.Report(new ImportProgress(report.FilesSeen, files.Count, report.RowsRead, clock.Elapsed));
            }
        }
        finally
        {
            written.SetResult();
        }

        report.EntriesIndexed = indexing.GetAwaiter().GetResult();
        report.Papers = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM paper");
        report.Elapsed = clock.Elapsed;
        return report;
    }

    /// <summary>
    /// Brings the search index up to date without importing anything: after an upgrade or a deleted index file,
    /// when there is no folder to import at start. Returns the entry changes it caught up with.
    /// </summary>
    public long CatchUpSearchIndex() => new SearchIndexer(database).CatchUp();

    private static void ImportFile(SqliteConnection connection, string path, DateOnly? dateOverride, Dictionary<string, long> authorIds, ImportReport report)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            report.AddProblems([new ImportProblem(path, 1, $"cannot read the file: {e.Message}")]);
            return;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var known = connection.QuerySingleOrDefault<(long Id, string Sha256, int Rows, int Entries)?>(
            "SELECT id, sha256, rows_read, (SELECT COALESCE(SUM(entry_count), 0) FROM digest WHERE file_id = source_file.id) FROM source_file WHERE path = $path",
            new { path });
        if (known is { } same && same.Sha256 == hash)
        {
            report.FilesUnchanged++;
            report.RowsRead += same.Rows;
            report.EntriesUnchanged += same.Entries;
            return;
        }

        var parsed = Parse(path, bytes, dateOverride);
        report.AddProblems(parsed.Problems);
        if (!parsed.HasDigest)
        {
            report.FilesWithoutDigest++;
            return;
        }

        // Deferred, so that only the database is locked and the search indexer goes on writing the index file
        // (BEGIN IMMEDIATE locks every attached file). The first statement writes, so the busy wait still applies.
        using var transaction = connection.BeginTransaction(deferred: true);
        var importedAt = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var fileId = connection.ExecuteScalar<long>("""
            INSERT INTO source_file (path, sha256, rows_read, problems, imported_at)
            VALUES ($path, $hash, $rows, $problems, $at)
            ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, rows_read = excluded.rows_read,
              problems = excluded.problems, imported_at = excluded.imported_at
            RETURNING id
            """, new { path, hash, rows = parsed.RowsRead, problems = parsed.Problems.Count, at = importedAt }, transaction);
        connection.Execute("DELETE FROM import_problem WHERE file_path = $path", new { path }, transaction);
        foreach (var problem in parsed.Problems)
        {
            connection.Execute(
                "INSERT INTO import_problem (file_path, line, message, raw_text, created_at) VALUES ($File, $Line, $Message, $RawText, $at)",
                new { problem.File, problem.Line, problem.Message, problem.RawText, at = importedAt }, transaction);
        }

        WriteDigests(connection, transaction, fileId, path, parsed, importedAt, authorIds, report);
        connection.Execute("UPDATE data_version SET version = version + 1, changed_at = $importedAt", new { importedAt }, transaction);
        transaction.Commit();
        report.FilesImported++;
        report.RowsRead += parsed.RowsRead;
    }

    private static void WriteDigests(SqliteConnection connection, SqliteTransaction transaction, long fileId, string path, ParsedFile parsed, string importedAt, Dictionary<string, long> authorIds, ImportReport report)
    {
        using var writer = new DigestWriter(connection, transaction, authorIds);
        var sections = DigestClaim.FirstOfEachDigest(parsed.Sections, out var repeated);
        report.RowsRepeated += repeated;
        var held = connection.Query<(long Id, string Date, string Source)>(
            "SELECT id, date, source FROM digest WHERE file_id = $fileId", new { fileId }, transaction).ToList();
        foreach (var section in sections)
        {
            var date = section.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var holder = connection.QuerySingleOrDefault<(int Kind, int Rows, string Path)?>(
                "SELECT d.kind, d.entry_count, f.path FROM digest d JOIN source_file f ON f.id = d.file_id WHERE d.date = $date AND d.source = $source",
                new { date, source = section.Source }, transaction);
            var claim = new DigestClaim(section.Kind, section.Rows.Count, path);
            if (holder is { } h && !claim.Beats(new DigestClaim((SectionKind)h.Kind, h.Rows, h.Path)))
            {
                report.RowsRepeated += section.Rows.Count;
                continue;
            }

            held.RemoveAll(d => d.Date == date && d.Source == section.Source);
            var records = section.Rows.Select((row, index) => EntryRecord.From(section, row, index + 1)).ToList();
            var counts = writer.ReplaceDigest(fileId, section, records, importedAt);
            report.Digests++;
            report.EntriesNew += counts.New;
            report.EntriesUpdated += counts.Updated;
            report.EntriesUnchanged += counts.Unchanged;
            report.EntriesRemoved += counts.Removed;
        }

        foreach (var gone in held)
        {
            report.EntriesRemoved += writer.RemoveDigest(gone.Id);
        }

        writer.RefreshTouchedPapers();
    }

    private static ParsedFile Parse(string path, byte[] bytes, DateOnly? dateOverride)
    {
        try
        {
            return DigestParser.Parse(path, bytes, dateOverride);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new ParsedFile { Path = path, Problems = [new ImportProblem(path, 1, $"the parser failed: {e.Message}")] };
        }
    }
}
