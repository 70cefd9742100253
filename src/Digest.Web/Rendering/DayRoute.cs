using System.Globalization;
using Digest.Core.Papers;

namespace Digest.Web.Rendering;

/// <summary>Reads the date and source parts of /day URLs strictly.</summary>
public static class DayRoute
{
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>"2025-10-22/arxiv" as used by ?from= on paper pages.</summary>
    public static bool TryParseFrom(string? text, out string date, out string source)
    {
        date = "";
        source = "";
        var slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash < 0 || !TryParseDate(text[..slash], out _) || Source.Parse(text[(slash + 1)..]) is not { } parsed)
        {
            return false;
        }

        date = text[..slash];
        source = parsed;
        return true;
    }
}
