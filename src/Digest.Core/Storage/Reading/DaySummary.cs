namespace Digest.Core.Storage.Reading;

/// <summary>A day in a list of days: its paper count per source, without entries.</summary>
public sealed record DaySummary
{
    public required string Date { get; init; }
    public IReadOnlyList<SourceDigest> Sources { get; init; } = [];

    public int Count => Sources.Sum(s => s.Count);

    public bool AnyFetchFailed => Sources.Any(s => s.FetchFailed);
}
