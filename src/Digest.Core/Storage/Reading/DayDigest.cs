namespace Digest.Core.Storage.Reading;

/// <summary>A day: every source's digest, and the nearest days before and after it that have papers.</summary>
public sealed record DayDigest
{
    public required string Date { get; init; }
    public IReadOnlyList<SourceDigest> Sources { get; init; } = [];
    public string? Previous { get; init; }
    public string? Next { get; init; }

    public int Count => Sources.Sum(s => s.Count);
}
