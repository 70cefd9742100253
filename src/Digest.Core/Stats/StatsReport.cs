namespace Digest.Core.Stats;

/// <summary>What the stats page shows: papers per day over time, counts per source, frequent authors, and shares.</summary>
public sealed record StatsReport
{
    /// <summary>Every (date, source) digest with its entry count, by date then source; failed and empty days included.</summary>
    public required IReadOnlyList<DigestCount> PerDigest { get; init; }

    public required IReadOnlyList<SourceCount> PerSource { get; init; }

    /// <summary>The most frequent authors, by distinct papers, then name.</summary>
    public required IReadOnlyList<AuthorCount> TopAuthors { get; init; }

    public required int Entries { get; init; }
    public required int Papers { get; init; }
    public required int EntriesWithTitleNote { get; init; }
    public required int EntriesTranslationFailed { get; init; }

    /// <summary>Share of entries (0..1) with a translator's note.</summary>
    public double TitleNoteShare => Share(EntriesWithTitleNote);

    /// <summary>Share of entries (0..1) flagged <c>translation_failed</c>.</summary>
    public double TranslationFailedShare => Share(EntriesTranslationFailed);

    /// <summary>One point per day that has a digest: entries across sources, and whether a source failed that day.</summary>
    public IReadOnlyList<DailyTotal> PerDay => PerDigest
        .GroupBy(d => d.Date)
        .Select(g => new DailyTotal(g.Key, g.Sum(d => d.Entries), g.Any(d => d.State == "fetch_failed")))
        .OrderBy(d => d.Date)
        .ToList();

    private double Share(int count) => Entries == 0 ? 0 : (double)count / Entries;
}

/// <param name="State"><c>papers</c>, <c>no_papers</c> or <c>fetch_failed</c>.</param>
public sealed record DigestCount(DateOnly Date, string Source, string State, int Entries);

public sealed record SourceCount(string Source, int Days, int Entries, int Papers);

public sealed record AuthorCount(string Name, int Papers);

public sealed record DailyTotal(DateOnly Date, int Entries, bool FetchFailed);
