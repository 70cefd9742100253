namespace Digest.Web.Rendering;

/// <summary>
/// Turns digest cells into things a page can show safely. Cells are untrusted: they are only ever split into
/// text (which Razor encodes) and links are only kept when they are plain http(s).
/// </summary>
public static class CellText
{
    private static readonly char[] LineBreaks = ['\n', '\r'];

    /// <summary>The paragraphs of a cell: its non-blank lines, trimmed.</summary>
    public static IReadOnlyList<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The URL when it is an absolute http or https URL, else null: no javascript:, data: or relative links.</summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        return uri.AbsoluteUri;
    }
}
