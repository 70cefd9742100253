using Digest.Core.Papers;

namespace Digest.Core.Import;

/// <summary>What one import run did, for the CLI summary, the logs and the tests.</summary>
public sealed class ImportReport
{
    private readonly List<ImportProblem> _problems = [];

    public int FilesSeen { get; internal set; }
    public int FilesImported { get; internal set; }
    public int FilesUnchanged { get; internal set; }
    public int FilesWithoutDigest { get; internal set; }
    public int Digests { get; internal set; }
    public int RowsRead { get; internal set; }

    /// <summary>Rows of a (date, source) digest that another section or file holds already.</summary>
    public int RowsRepeated { get; internal set; }

    public int EntriesNew { get; internal set; }
    public int EntriesUpdated { get; internal set; }
    public int EntriesUnchanged { get; internal set; }
    public int EntriesRemoved { get; internal set; }
    public long Papers { get; internal set; }

    /// <summary>
    /// Entry changes (additions, edits, deletions) the search index caught up with: this run's, and any an
    /// interrupted run left queued. An entry replaced by a re-import counts twice.
    /// </summary>
    public long EntriesIndexed { get; internal set; }
    public TimeSpan Elapsed { get; internal set; }

    public IReadOnlyList<ImportProblem> Problems => _problems;

    /// <summary>True when at least one file was imported or found unchanged.</summary>
    public bool ImportedAnything => FilesImported + FilesUnchanged > 0;

    public bool ChangedAnything => EntriesNew + EntriesUpdated + EntriesRemoved > 0 || FilesImported > 0;

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? RowsRead / Elapsed.TotalSeconds : 0;

    internal void AddProblems(IEnumerable<ImportProblem> problems) => _problems.AddRange(problems);

    public override string ToString() =>
        $"files {FilesSeen} (imported {FilesImported}, unchanged {FilesUnchanged}, without digest {FilesWithoutDigest}), " +
        $"digests {Digests}, rows {RowsRead} (repeated {RowsRepeated}), " +
        $"entries new {EntriesNew}, updated {EntriesUpdated}, unchanged {EntriesUnchanged}, removed {EntriesRemoved}, " +
        $"papers {Papers}, indexed {EntriesIndexed}, problems {Problems.Count}, {RowsPerSecond:F0} rows/s";
}
