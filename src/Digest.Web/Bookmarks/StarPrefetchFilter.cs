using Digest.Core.Bookmarks;
using Digest.Web.Pages.Day;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Digest.Web.Bookmarks;

/// <summary>After a page that shows stars has run its handler, asks for all of its stars in one query.</summary>
public sealed class StarPrefetchFilter(StarState stars) : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        if (stars.Reader is null)
        {
            return;
        }

        var targets = context.HandlerInstance switch
        {
            Pages.Day.IndexModel { View: { } view } => Targets(view),
            Pages.IndexModel { Latest: { } latest } => Targets(latest),
            Pages.Paper.IndexModel { Paper: { } paper } => StarTargets.Papers([paper.Key]),
            _ => [],
        };
        stars.Prefetch(targets);
    }

    private static IEnumerable<BookmarkTarget> Targets(DayView view)
    {
        var date = StarTargets.Date(view.Day.Date);
        if (date is null)
        {
            return [];
        }

        var sections = view.Day.Sources
            .Where(s => DayView.IsKnownSource(s.Source))
            .Select(s => BookmarkTarget.Section(date.Value, s.Source));
        var papers = StarTargets.Papers(view.Shown.SelectMany(s => s.Entries).Select(e => e.Key));
        return [BookmarkTarget.Day(date.Value), .. sections, .. papers];
    }
}
