namespace Digest.Core.Export;

/// <summary>
/// Writes text into a digest table cell the way the 2026 generator does: every <c>|</c> becomes <c>\|</c>, so a
/// literal <c>\|</c> (a LaTeX norm) becomes <c>\\|</c>, and reading back is "replace <c>\|</c> with <c>|</c>".
/// Newlines stay raw: the importer joins a row's physical lines before it reads the cells.
/// </summary>
public static class MarkdownCell
{
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>The inverse of <see cref="Escape"/>, as the corpus README defines it for cell text.</summary>
    public static string Unescape(string cell) => cell.Replace("\\|", "|", StringComparison.Ordinal);
}
