using System.CommandLine;

namespace Digest.Cli.Commands;

internal static class CommonOptions
{
    public static Option<FileInfo> Database() => new("--db")
    {
        Description = "The SQLite database file (created when missing).",
        Required = true,
    };
}
