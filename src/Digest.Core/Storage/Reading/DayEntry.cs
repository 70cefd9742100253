namespace Digest.Core.Storage.Reading;

/// <summary>One row of a (date, source) digest as a day page shows it.</summary>
public sealed record DayEntry
{
    public required string Date { get; init; }
    public required string Source { get; init; }
    public required int Rank { get; init; }
    public required string Key { get; init; }
    public required string Title { get; init; }
    public string? TitleNote { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? PdfUrl { get; init; }
    public string? CodeUrl { get; init; }
    public string? TitleEn { get; init; }
    public string? Abstract { get; init; }
    public string? AbstractEn { get; init; }
    public string? Published { get; init; }
    public int? Version { get; init; }
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The other days this paper appeared on, oldest first.</summary>
    public IReadOnlyList<string> OtherDays { get; init; } = [];
}
