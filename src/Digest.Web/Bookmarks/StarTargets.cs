using System.Globalization;
using Digest.Core.Bookmarks;
using Digest.Web.Rendering;

namespace Digest.Web.Bookmarks;

/// <summary>From the pages' bookmark slots to core targets, and what a star says about each.</summary>
public static class StarTargets
{
    /// <summary>A slot's target: "day" with yyyy-MM-dd is a day, with yyyy-MM-dd/source a section; "paper" a paper key.</summary>
    public static BookmarkTarget? Of(BookmarkSlot slot) =>
        slot.Kind == BookmarkKinds.Day && slot.Target.Contains('/', StringComparison.Ordinal)
            ? BookmarkTarget.TryParse("section", slot.Target)
            : BookmarkTarget.TryParse(slot.Kind, slot.Target);

    public static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static IEnumerable<BookmarkTarget> Papers(IEnumerable<string> keys) =>
        keys.Select(key => BookmarkTarget.TryParse("paper", key)).OfType<BookmarkTarget>();

    /// <summary>An element id for the star's form, also the fragment a plain form returns to.</summary>
    public static string ElementId(BookmarkTarget target) =>
        "star-" + target.Kind.Name() + "-" + string.Concat(target.Target.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));

    /// <summary>What the star does: "收藏这一天", "取消收藏这篇论文"…</summary>
    public static string Label(BookmarkTarget target, bool starred) => (starred ? "取消收藏" : "收藏") + Noun(target);

    public static string Noun(BookmarkTarget target) => target.Kind switch
    {
        BookmarkKind.Day => "这一天",
        BookmarkKind.Section => "这一天的 " + Digest.Core.Papers.Source.DisplayName(target.Source!),
        _ => "这篇论文",
    };
}
