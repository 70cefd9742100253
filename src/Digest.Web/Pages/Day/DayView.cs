using Digest.Core.Papers;
using Digest.Core.Storage.Reading;
using Digest.Web.Rendering;

namespace Digest.Web.Pages.Day;

/// <summary>A day as a page shows it: all sources as tabs, the chosen one (or all) as sections.</summary>
public sealed record DayView(DayDigest Day, string? Source)
{
    public IEnumerable<SourceDigest> Shown => Day.Sources.Where(s => Source is null || s.Source == Source);

    public string Title => Source is null ? Links.DayTitle(Day.Date) : $"{Links.DayTitle(Day.Date)} · {Digest.Core.Papers.Source.DisplayName(Source)}";

    public string? PreviousUrl => Day.Previous is null ? null : DayUrl(Day.Previous);

    public string? NextUrl => Day.Next is null ? null : DayUrl(Day.Next);

    public string DayTarget => Source is null ? Day.Date : $"{Day.Date}/{Source}";

    private string DayUrl(string date) => Source is null ? Links.Day(date) : Links.Day(date, Source);

    public static string SourceName(string source) => Digest.Core.Papers.Source.DisplayName(source);

    public static string EmptyText(SourceDigest digest) => digest.FetchFailed ? "该来源当天抓取失败" : "当天没有论文";

    public static bool IsKnownSource(string source) => Digest.Core.Papers.Source.All.Contains(source);
}
