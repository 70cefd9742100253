using Digest.Core.Papers;

namespace Digest.Core.Search;

public enum SearchSort
{
    Relevance,
    Newest,
}

/// <summary>What the reader asked for: the query text, the <c>author</c> parameter, filters and the page.</summary>
public sealed record SearchRequest
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 1000;

    public string? Query { get; init; }
    public string? Author { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>arxiv, biorxiv or medrxiv (any case); null or empty for all.</summary>
    public string? Source { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Reads <c>relevance</c> or <c>newest</c>; null for anything else.</summary>
    public static SearchSort? ParseSort(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "relevance" => SearchSort.Relevance,
        "newest" => SearchSort.Newest,
        _ => null,
    };

    internal string? SourceSlug()
    {
        if (string.IsNullOrWhiteSpace(Source))
        {
            return null;
        }

        return Papers.Source.Parse(Source) ?? throw new SearchQueryException($"未知的来源：请用 {string.Join("、", Papers.Source.All)}。");
    }
}

/// <summary>One page of results: papers, not entries.</summary>
public sealed record SearchResults(SearchQuery Query, int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits, TimeSpan Elapsed)
{
    /// <summary>
    /// True when more than <see cref="SearchService.TotalCap"/> papers match: <see cref="Total"/> is then the cap
    /// (shown as "10,000+"), not an exact count.
    /// </summary>
    public bool TotalCapped { get; init; }

    /// <summary>The total as the reader sees it: <c>1,234</c>, or <c>10,000+</c> past the cap.</summary>
    public string TotalText => Total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + (TotalCapped ? "+" : string.Empty);

    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;

    /// <summary>
    /// Entry changes the search index has not caught up with yet (counted up to <see cref="SearchService.PendingCap"/>):
    /// non-zero only while an import runs, and the reader should know that its newest papers are not findable yet.
    /// </summary>
    public int Pending { get; init; }

    public string PendingText => Pending.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + (Pending >= SearchService.PendingCap ? "+" : string.Empty);
}

/// <summary>
/// A matching paper, shown through its best-matching entry (the newest matching one for <c>sort=newest</c>).
/// <see cref="TitleHtml"/>, <see cref="Snippet"/> and <see cref="AuthorsHtml"/> are HTML: the text is encoded and
/// the matches are wrapped in <c>&lt;mark&gt;</c>.
/// </summary>
public sealed record SearchHit
{
    public required string Key { get; init; }
    public required string Title { get; init; }
    public string? TitleNote { get; init; }
    public required IReadOnlyList<string> Authors { get; init; }

    /// <summary>Every day the paper appeared (yyyy-MM-dd, oldest first), not only the matching ones.</summary>
    public required IReadOnlyList<string> Dates { get; init; }

    public required string Source { get; init; }
    public string? PdfUrl { get; init; }
    public required string TitleHtml { get; init; }
    public required string Snippet { get; init; }
    public required IReadOnlyList<string> AuthorsHtml { get; init; }

    /// <summary>The date of the entry shown.</summary>
    public required string Date { get; init; }

    public required int Rank { get; init; }
}
