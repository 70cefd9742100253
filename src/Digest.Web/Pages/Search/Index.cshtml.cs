using Digest.Core.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Search;

/// <summary><c>/search</c>: the query stays in the box, filters in one row, then papers with highlighted matches.</summary>
public sealed class IndexModel(SearchService search, ILogger<IndexModel> logger) : PageModel
{
    public SearchParameters Parameters { get; private set; } = new(null, null, null, null, null, null, null);
    public SearchResults? Results { get; private set; }

    /// <summary>A message for the reader (zh-CN) when the search could not run.</summary>
    public string? Message { get; private set; }

    public void OnGet(CancellationToken cancellationToken)
    {
        Parameters = SearchParameters.Read(Request.Query);
        if (Parameters.IsEmpty)
        {
            return;
        }

        try
        {
            Results = search.Search(Parameters.ToRequest(), cancellationToken);
            Message = Results.Query.Notice;
        }
        catch (SearchQueryException e)
        {
            Message = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (SearchTimeoutException e)
        {
            logger.LogWarning("Search timed out after {Limit}: {Query}", e.Limit, Parameters.Q);
            Message = e.Message;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    public string PageUrl(int page) => "/search" + Parameters.With("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string FeedUrl => "/search/feed" + Parameters.With("page", null);
}
