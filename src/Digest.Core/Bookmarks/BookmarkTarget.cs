using System.Globalization;
using System.Text.RegularExpressions;
using Digest.Core.Papers;

namespace Digest.Core.Bookmarks;

/// <summary>
/// A thing a reader can bookmark, by a key that survives re-imports: a date, a date and source, or a paper key.
/// Parsing is strict: a value that could not have come from the app's own pages is not a target.
/// </summary>
public sealed partial record BookmarkTarget
{
    public const int MaxTargetLength = 200;

    private BookmarkTarget(BookmarkKind kind, string target, DateOnly? date, string? source)
    {
        Kind = kind;
        Target = target;
        Date = date;
        Source = source;
    }

    public BookmarkKind Kind { get; }

    /// <summary>The stored form: <c>2025-10-22</c>, <c>2025-10-22/arxiv</c>, <c>2510.18876</c>, <c>10.1101/…</c>.</summary>
    public string Target { get; }

    /// <summary>The day, for day and section targets.</summary>
    public DateOnly? Date { get; }

    /// <summary>The source slug, for section targets.</summary>
    public string? Source { get; }

    public static BookmarkTarget Day(DateOnly date) => new(BookmarkKind.Day, Iso(date), date, null);

    public static BookmarkTarget Section(DateOnly date, string source)
    {
        var slug = Papers.Source.All.Contains(source) ? source : throw new ArgumentException($"unknown source '{source}'", nameof(source));
        return new(BookmarkKind.Section, $"{Iso(date)}/{slug}", date, slug);
    }

    /// <summary>A paper target; throws for a key that is not an arXiv id, a DOI or a hash key.</summary>
    public static BookmarkTarget Paper(string key) =>
        TryParse("paper", key) ?? throw new ArgumentException($"'{key}' is not a paper key", nameof(key));

    /// <summary>The target a form or an import names, or null when the kind or the target is malformed.</summary>
    public static BookmarkTarget? TryParse(string? kind, string? target)
    {
        if (string.IsNullOrEmpty(target) || target.Length > MaxTargetLength)
        {
            return null;
        }

        return BookmarkKindNames.Parse(kind) switch
        {
            BookmarkKind.Day => ParseDate(target) is { } date ? Day(date) : null,
            BookmarkKind.Section => ParseSection(target),
            BookmarkKind.Paper => ParsePaper(target),
            _ => null,
        };
    }

    public override string ToString() => $"{Kind.Name()}:{Target}";

    [GeneratedRegex(@"^(?:\d{4}\.\d{4,5}|[a-z][a-z.\-]*/\d{7})$", RegexOptions.CultureInvariant)]
    private static partial Regex ArxivKey();

    [GeneratedRegex(@"^10\.\d{4,9}/[^\s\p{C}?#""<>]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DoiKey();

    [GeneratedRegex(@"^h-[0-9a-f]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex HashKey();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string text) =>
        text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static BookmarkTarget? ParseSection(string target)
    {
        var slash = target.IndexOf('/', StringComparison.Ordinal);
        if (slash != 10 || ParseDate(target[..slash]) is not { } date)
        {
            return null;
        }

        var source = target[(slash + 1)..];
        return Papers.Source.All.Contains(source) ? Section(date, source) : null;
    }

    private static BookmarkTarget? ParsePaper(string target)
    {
        // Keys are stored in lower case (PaperKey lower-cases arXiv ids and DOIs), so a DOI typed in any case matches.
        var key = target.ToLowerInvariant();
        return ArxivKey().IsMatch(key) || DoiKey().IsMatch(key) || HashKey().IsMatch(key)
            ? new BookmarkTarget(BookmarkKind.Paper, key, null, null)
            : null;
    }
}
