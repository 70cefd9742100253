using System.Globalization;

namespace Digest.Web.Rendering;

/// <summary>The permanent URLs of the pages, built in one place.</summary>
public static class Links
{
    public static string Day(string date) => "/day/" + date;

    public static string Day(string date, string source) => $"/day/{date}/{source}";

    /// <summary>A paper; keys may hold slashes (DOIs), which stay path separators of the catch-all route.</summary>
    public static string Paper(string key, string? fromDate = null, string? fromSource = null)
    {
        var path = "/paper/" + EscapeSegments(key);
        return fromDate is null || fromSource is null ? path : $"{path}?from={fromDate}/{fromSource}";
    }

    public static string Author(string name) => "/author/" + EscapeSegments(name);

    public static string Search(string query) => "/search?q=" + Uri.EscapeDataString(query);

    /// <summary>"2025-10-22 周三".</summary>
    public static string DayTitle(string date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? $"{date} {Weekday(day.DayOfWeek)}"
            : date;

    public static string Weekday(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "周一",
        DayOfWeek.Tuesday => "周二",
        DayOfWeek.Wednesday => "周三",
        DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五",
        DayOfWeek.Saturday => "周六",
        _ => "周日",
    };

    /// <summary>"10-23" for a date in the same year as <paramref name="relativeTo"/>, else the full date.</summary>
    public static string ShortDate(string date, string relativeTo) =>
        date.Length == 10 && relativeTo.Length >= 4 && date[..4] == relativeTo[..4] ? date[5..] : date;

    private static string EscapeSegments(string value) =>
        string.Join('/', value.Split('/').Select(Uri.EscapeDataString));
}
