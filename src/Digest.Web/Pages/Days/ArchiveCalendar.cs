using System.Globalization;
using Digest.Core.Storage.Reading;

namespace Digest.Web.Pages.Days;

/// <summary>The archive as month calendars, newest month first, weeks starting on Monday.</summary>
public sealed record ArchiveCalendar(IReadOnlyList<CalendarMonth> Months)
{
    public static ArchiveCalendar From(IReadOnlyList<DaySummary> days)
    {
        var byDate = days.ToDictionary(d => d.Date, StringComparer.Ordinal);
        var months = days
            .Select(d => DateOnly.ParseExact(d.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Select(d => new DateOnly(d.Year, d.Month, 1))
            .Distinct()
            .OrderDescending()
            .Select(first => CalendarMonth.Build(first, byDate))
            .ToList();
        return new ArchiveCalendar(months);
    }
}

public sealed record CalendarMonth(DateOnly First, IReadOnlyList<IReadOnlyList<CalendarDay?>> Weeks, int Count)
{
    public string Title => $"{First.Year} 年 {First.Month} 月";

    public string Id => $"m-{First:yyyy-MM}";

    public static CalendarMonth Build(DateOnly first, IReadOnlyDictionary<string, DaySummary> byDate)
    {
        var weeks = new List<IReadOnlyList<CalendarDay?>>();
        var week = new CalendarDay?[7];
        var count = 0;
        for (var day = first; day.Month == first.Month; day = day.AddDays(1))
        {
            var column = ((int)day.DayOfWeek + 6) % 7;
            var key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var summary = byDate.GetValueOrDefault(key);
            week[column] = new CalendarDay(day, key, summary);
            count += summary?.Count ?? 0;
            if (column == 6)
            {
                weeks.Add(week);
                week = new CalendarDay?[7];
            }
        }

        if (week.Any(d => d is not null))
        {
            weeks.Add(week);
        }

        return new CalendarMonth(first, weeks, count);
    }
}

/// <summary>One cell: a date, and what its digests said when there were any.</summary>
public sealed record CalendarDay(DateOnly Day, string Date, DaySummary? Summary)
{
    /// <summary>The cell's CSS class: cal-none (no digest) | cal-failed | cal-empty | cal-level-1..4 by paper count.</summary>
    public string State => Summary switch
    {
        null => "cal-none",
        { Count: 0 } when Summary.AnyFetchFailed => "cal-failed",
        { Count: 0 } => "cal-empty",
        { Count: < 10 } => "cal-level-1",
        { Count: < 50 } => "cal-level-2",
        { Count: < 200 } => "cal-level-3",
        _ => "cal-level-4",
    };

    public bool Failed => State == "cal-failed";

    public string Label => Summary switch
    {
        null => $"{Date}：没有摘要",
        { Count: 0 } when Summary.AnyFetchFailed => $"{Date}：抓取失败",
        { Count: 0 } => $"{Date}：当天没有论文",
        _ => $"{Date}：{Summary.Count} 篇" + (Summary.AnyFetchFailed ? "，部分来源抓取失败" : ""),
    };
}
