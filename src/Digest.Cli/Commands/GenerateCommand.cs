using System.CommandLine;
using Digest.Core.Synthetic;

namespace Digest.Cli.Commands;

/// <summary><c>digest generate --papers N --out DIR</c>: a deterministic synthetic archive for benchmarks and tests.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var papers = new Option<int>("--papers") { Description = "How many distinct papers to write.", DefaultValueFactory = _ => 10_000 };
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write the day pages into.", Required = true };
        var seed = new Option<int>("--seed") { Description = "The random seed; the same seed gives the same files.", DefaultValueFactory = _ => 20251022 };
        var command = new Command("generate", "Write a synthetic digest archive shaped like the real one.") { papers, output, seed };
        command.SetAction(result =>
        {
            var folder = result.GetRequiredValue(output).FullName;
            var rows = new SyntheticCorpus(result.GetValue(papers), result.GetValue(seed)).WriteTo(folder);
            Console.Out.WriteLine($"wrote {rows} rows to {folder}");
            return 0;
        });
        return command;
    }
}
