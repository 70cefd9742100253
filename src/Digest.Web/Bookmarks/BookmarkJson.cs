using Digest.Core.Bookmarks;

namespace Digest.Web.Bookmarks;

/// <summary>The JSON twin of /bookmarks (snake_case by the app's JSON options).</summary>
public sealed record BookmarkJson(int Count, IReadOnlyList<BookmarkJson.Day> Days, IReadOnlyList<BookmarkJson.Paper> Papers)
{
    public static BookmarkJson Of(BookmarkList list) => new(
        list.Count,
        list.Days.Select(d => new Day(d.Target.Kind.Name(), d.Target.Target, d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            d.Source, d.CreatedAt, d.StillExists, d.PaperCount, d.Sources.Select(s => new Source(s.Source, s.State, s.Papers)).ToList())).ToList(),
        list.Papers.Select(p => new Paper(p.Key, p.CreatedAt, p.StillExists, p.Title, p.TitleEnglish, p.Authors, p.PdfUrl, p.AbsUrl)).ToList());

    public sealed record Day(string Kind, string Target, string Date, string? Source, DateTimeOffset CreatedAt, bool StillExists, int Papers, IReadOnlyList<Source> Sources);

    public sealed record Source(string Name, string State, int Papers);

    public sealed record Paper(string Key, DateTimeOffset CreatedAt, bool StillExists, string? Title, string? TitleEn, IReadOnlyList<string> Authors, string? PdfUrl, string? AbsUrl);
}
