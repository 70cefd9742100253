using System.CommandLine;
using Digest.Core.Import;
using Digest.Core.Storage;

namespace Digest.Cli.Commands;

/// <summary><c>digest verify MANIFEST --db FILE</c>: per-file row counts against a manifest.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var manifest = new Argument<FileInfo>("MANIFEST") { Description = "A manifest.tsv with the columns file and papers_expected." };
        var db = CommonOptions.Database();
        var command = new Command("verify", "Compare the rows imported from each file with a manifest.") { manifest, db };
        command.SetAction(result =>
        {
            var file = result.GetRequiredValue(db);
            if (!file.Exists)
            {
                Console.Error.WriteLine($"error: no database at {file.FullName}");
                return 2;
            }

            var check = new ManifestCheck(new Database(file.FullName)).Check(result.GetRequiredValue(manifest).FullName);
            foreach (var mismatch in check.Mismatches)
            {
                Console.Out.WriteLine($"MISMATCH {mismatch.File}: expected {mismatch.Expected}, imported {(mismatch.Actual?.ToString() ?? "nothing")}");
            }

            Console.Out.WriteLine($"verify: {check.FilesChecked} files, {check.RowsImported} of {check.RowsExpected} rows, {check.Mismatches.Count} mismatches");
            return check.Passed ? 0 : 1;
        });
        return command;
    }
}
