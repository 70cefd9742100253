using System.Diagnostics;
using System.Text;
using Dapper;
using Digest.Core.Import;
using Digest.Core.Papers;
using Digest.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Digest.Benchmarks;

/// <summary>
/// End-to-end import of a synthetic archive by the real CLI, against bare Dapper inserts of the same
/// pre-parsed rows into a table of the same columns, in the same run.
/// </summary>
public sealed class ImportBenchmark(string work, string digests, BenchmarkTable table)
{
    public string ImportedDatabase => Path.Combine(work, "import.db");

    public void Run(string label)
    {
        var (rows, seconds, peakMb) = ImportWithCli(digests, ImportedDatabase);
        var baseline = BareDapperInserts(digests, Path.Combine(work, "baseline.db"));
        var rate = rows / seconds;
        table.Add($"import, {label}: papers/s end to end (CLI, {BenchmarkTable.Number(rows)} rows)", BenchmarkTable.Number(rate),
            $"{BenchmarkTable.Number(baseline)} rows/s bare Dapper inserts", BenchmarkTable.Number(rate / baseline, "F2"), "≥ 20,000/s and ≥ 0.5");
        table.Add($"import, {label}: peak working set", $"{peakMb} MB", "", "", "≤ 300 MB");
    }

    /// <summary>Runs <c>digest import</c> as a user would and reads its summary.</summary>
    public static (long Rows, double Seconds, long PeakMb) ImportWithCli(string digests, string db, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "digest.dll"), "import", digests, "--db", db }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"import failed ({process.ExitCode}): {output} {stderr.Result}");
        }

        var rows = long.Parse(System.Text.RegularExpressions.Regex.Match(output, @"rows:\s+(\d+)").Groups[1].Value);
        var peak = long.Parse(System.Text.RegularExpressions.Regex.Match(output, @"peak working set (\d+) MB").Groups[1].Value);
        return (rows, seconds, peak);
    }

    /// <summary>Parses every file first (not timed), then times only Dapper's inserts of those rows, one transaction per file.</summary>
    private static double BareDapperInserts(string digests, string db)
    {
        File.Delete(db);
        using var connection = new SqliteConnection($"Data Source={db}");
        connection.Open();
        connection.Execute("""
            PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
            CREATE TABLE bare_entry (id INTEGER PRIMARY KEY, date TEXT, source TEXT, rank INTEGER, line INTEGER, title TEXT, title_note TEXT,
              authors TEXT, pdf_url TEXT, code_url TEXT, title_en TEXT, abstract TEXT, abstract_en TEXT, published TEXT, flags TEXT);
            """);
        const string insert = """
            INSERT INTO bare_entry (date, source, rank, line, title, title_note, authors, pdf_url, code_url, title_en, abstract, abstract_en, published, flags)
            VALUES (@Date, @Source, @Rank, @Line, @Title, @TitleNote, @Authors, @PdfUrl, @CodeUrl, @TitleEn, @Abstract, @AbstractEn, @Published, @Flags)
            """;
        var timed = TimeSpan.Zero;
        long rows = 0;
        foreach (var file in Directory.EnumerateFiles(digests, "*.md", SearchOption.AllDirectories))
        {
            var parsed = DigestParser.Parse(file, File.ReadAllBytes(file));
            var prepared = parsed.Sections.SelectMany(section => section.Rows.Select((row, i) => new
            {
                Date = section.Date.ToString("yyyy-MM-dd"),
                section.Source,
                Rank = i + 1,
                row.Line,
                row.Title,
                row.TitleNote,
                Authors = string.Join('\u001f', row.Authors),
                row.PdfUrl,
                row.CodeUrl,
                row.TitleEn,
                row.Abstract,
                row.AbstractEn,
                row.Published,
                Flags = string.Join(',', row.Flags),
            })).ToList();
            var clock = Stopwatch.StartNew();
            using (var transaction = connection.BeginTransaction())
            {
                connection.Execute(insert, prepared, transaction);
                transaction.Commit();
            }

            timed += clock.Elapsed;
            rows += prepared.Count;
        }

        return rows / timed.TotalSeconds;
    }

    /// <summary>The real corpus, as CI imports it: papers/s and rows.</summary>
    public static (long Rows, double Seconds, long PeakMb) RealCorpus(string corpus, string db) => ImportWithCli(corpus, db);
}
