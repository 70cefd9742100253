using System.Globalization;
using Digest.Core.Search;

namespace Digest.Web.Pages.Search;

/// <summary>
/// The query string both <c>/search</c> and <c>/api/search</c> take: <c>q</c>, <c>author</c>, <c>from</c>, <c>to</c>
/// (yyyy-MM-dd), <c>source</c>, <c>sort=relevance|newest</c> and <c>page</c>.
/// </summary>
public sealed record SearchParameters(string? Q, string? Author, string? From, string? To, string? Source, string? Sort, string? Page)
{
    public static SearchParameters Read(IQueryCollection query) => new(
        First(query, "q"), First(query, "author"), First(query, "from"), First(query, "to"),
        First(query, "source"), First(query, "sort"), First(query, "page"));

    public bool IsEmpty => string.IsNullOrWhiteSpace(Q) && string.IsNullOrWhiteSpace(Author);

    /// <summary>The request, or a <see cref="SearchQueryException"/> with a zh-CN message.</summary>
    public SearchRequest ToRequest(int pageSize = SearchRequest.DefaultPageSize) => new()
    {
        Query = Q,
        Author = Author,
        From = Date(From, "开始日期"),
        To = Date(To, "结束日期"),
        Source = Source,
        Sort = SearchRequest.ParseSort(Sort) ?? throw new SearchQueryException("排序只能是 relevance（相关度）或 newest（最新）。"),
        Page = string.IsNullOrWhiteSpace(Page) ? 1
            : int.TryParse(Page, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page
            : throw new SearchQueryException("页码应为正整数。"),
        PageSize = pageSize,
    };

    /// <summary>This search's query string with one value changed (null drops it).</summary>
    public string With(string name, string? value)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["author"] = Author,
            ["from"] = From,
            ["to"] = To,
            ["source"] = Source,
            ["sort"] = Sort,
            ["page"] = Page,
        };
        values[name] = value;
        return QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value))).ToUriComponent();
    }

    private static DateOnly? Date(string? text, string what) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new SearchQueryException($"{what}格式应为 yyyy-MM-dd。");

    private static string? First(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;
}
