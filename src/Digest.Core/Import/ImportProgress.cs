namespace Digest.Core.Import;

/// <summary>A snapshot of a running import, reported after each file.</summary>
public readonly record struct ImportProgress(int FilesDone, int FilesTotal, int RowsRead, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? RowsRead / Elapsed.TotalSeconds : 0;
}
