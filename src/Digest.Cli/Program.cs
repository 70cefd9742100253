using System.CommandLine;
using Digest.Cli.Commands;

var root = new RootCommand("Digest: import daily paper digests into SQLite, export and verify them.")
{
    ImportCommand.Create(),
    ExportCommand.Create(),
    VerifyCommand.Create(),
    GenerateCommand.Create(),
};
return root.Parse(args).Invoke();
