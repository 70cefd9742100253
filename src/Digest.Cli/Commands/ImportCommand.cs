using System.CommandLine;
using System.Globalization;
using Digest.Core.Import;
using Digest.Core.Storage;

namespace Digest.Cli.Commands;

/// <summary><c>digest import PATH... --db FILE [--date YYYY-MM-DD]</c></summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Digest files or folders (searched recursively for *.md).", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Database();
        var date = new Option<string?>("--date") { Description = "The date for files whose heading and name carry none (YYYY-MM-DD)." };
        var command = new Command("import", "Import digest files into the database.") { paths, db, date };
        command.SetAction(result => Run(result.GetRequiredValue(paths), result.GetRequiredValue(db), result.GetValue(date)));
        return command;
    }

    private static int Run(string[] paths, FileInfo db, string? dateText)
    {
        DateOnly? date = null;
        if (dateText is not null)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                Console.Error.WriteLine($"error: --date must be YYYY-MM-DD, got '{dateText}'");
                return 2;
            }

            date = parsed;
        }

        ImportReport report;
        try
        {
            var progress = new StderrProgress();
            report = new Importer(new Database(db.FullName)).Import(paths, date, progress);
            progress.Finish();
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }

        PrintSummary(report);
        return report.ImportedAnything ? 0 : 1;
    }

    private static void PrintSummary(ImportReport report)
    {
        var o = Console.Out;
        o.WriteLine($"files:    {report.FilesSeen} (imported {report.FilesImported}, unchanged {report.FilesUnchanged}, without a digest {report.FilesWithoutDigest})");
        o.WriteLine($"digests:  {report.Digests} written");
        o.WriteLine($"rows:     {report.RowsRead} read ({report.RowsRepeated} repeat a digest held elsewhere), {report.RowsPerSecond:F0} rows/s");
        o.WriteLine($"entries:  new {report.EntriesNew}, updated {report.EntriesUpdated}, unchanged {report.EntriesUnchanged}, removed {report.EntriesRemoved}");
        o.WriteLine($"papers:   {report.Papers}");
        o.WriteLine($"search:   index caught up with {report.EntriesIndexed} entry changes");
        o.WriteLine($"memory:   peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        o.WriteLine($"problems: {report.Problems.Count}");
        foreach (var problem in report.Problems)
        {
            o.WriteLine($"  {problem}");
        }
    }

    private sealed class StderrProgress : IProgress<ImportProgress>
    {
        private DateTime _last = DateTime.MinValue;
        private ImportProgress _latest;

        public void Report(ImportProgress value)
        {
            _latest = value;
            if ((DateTime.UtcNow - _last).TotalMilliseconds >= 250)
            {
                Write(value);
                _last = DateTime.UtcNow;
            }
        }

        public void Finish()
        {
            if (_latest.FilesTotal > 0)
            {
                Write(_latest);
                Console.Error.WriteLine();
            }
        }

        private static void Write(ImportProgress p) =>
            Console.Error.Write($"\rfiles {p.FilesDone}/{p.FilesTotal}, rows {p.RowsRead}, {p.RowsPerSecond:F0} rows/s ");
    }
}
