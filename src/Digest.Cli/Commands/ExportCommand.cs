using System.CommandLine;
using Digest.Core.Export;
using Digest.Core.Storage;

namespace Digest.Cli.Commands;

/// <summary><c>digest export --db FILE</c>: every entry as JSON lines on stdout.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var command = new Command("export", "Write every entry as JSON lines, ordered by date, source and rank.") { db };
        command.SetAction(result =>
        {
            var file = result.GetRequiredValue(db);
            if (!file.Exists)
            {
                Console.Error.WriteLine($"error: no database at {file.FullName}");
                return 2;
            }

            using var stdout = Console.OpenStandardOutput();
            using var buffered = new BufferedStream(stdout, 1 << 16);
            new EntryExporter(new Database(file.FullName)).WriteJsonLines(buffered);
            return 0;
        });
        return command;
    }
}
