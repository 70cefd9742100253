namespace Digest.Core.Papers;

/// <summary>Everything one digest file holds, after parsing and before storage.</summary>
public sealed record ParsedFile
{
    public required string Path { get; init; }
    public IReadOnlyList<DigestSection> Sections { get; init; } = [];
    public IReadOnlyList<ImportProblem> Problems { get; init; } = [];

    /// <summary>Paper rows read, across all sections, including rows of repeated sections.</summary>
    public int RowsRead => Sections.Sum(s => s.Rows.Count);

    /// <summary>False for index pages, HTML pages, empty files and binaries: nothing here is a digest.</summary>
    public bool HasDigest => Sections.Count > 0;
}
