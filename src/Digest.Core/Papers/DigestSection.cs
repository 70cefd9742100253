namespace Digest.Core.Papers;

/// <summary>One (date, source) digest as one file section wrote it.</summary>
public sealed record DigestSection
{
    public required DateOnly Date { get; init; }
    public required string Source { get; init; }
    public required SectionKind Kind { get; init; }
    public required DigestState State { get; init; }

    /// <summary>The digest's own words for an empty or failed day, such as "抓取失败：timeout".</summary>
    public string? StateNote { get; init; }

    /// <summary>1-based line of the section's heading (or of its table when it has no heading).</summary>
    public required int Line { get; init; }

    public IReadOnlyList<DigestRow> Rows { get; init; } = [];
}
