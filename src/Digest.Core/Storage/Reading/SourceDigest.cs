namespace Digest.Core.Storage.Reading;

/// <summary>What one source's digest said for a day: its state, its count and, when asked for, its entries.</summary>
public sealed record SourceDigest
{
    public required string Source { get; init; }

    /// <summary>papers | no_papers | fetch_failed, as stored.</summary>
    public required string State { get; init; }

    public string? StateNote { get; init; }
    public required int Count { get; init; }
    public IReadOnlyList<DayEntry> Entries { get; init; } = [];

    public bool FetchFailed => State == "fetch_failed";
}
