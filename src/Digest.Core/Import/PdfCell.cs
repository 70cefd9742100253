namespace Digest.Core.Import;

/// <summary>
/// The PDF cell: <c>[PDF](url)</c> gives the link; <c>[PDF](None)</c> and the placeholder <c>PDF缺失</c> give no
/// link. A bare <c>http(s)://</c> URL is taken as it is.
/// </summary>
internal readonly record struct PdfCell(string? Url)
{
    public static PdfCell Read(string text)
    {
        var target = LinkTarget(text);
        if (target is null)
        {
            var bare = text.Trim();
            return bare.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || bare.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? new PdfCell(bare)
                : new PdfCell(null);
        }

        return target.Length == 0 || target.Equals("None", StringComparison.OrdinalIgnoreCase) || target.Equals("null", StringComparison.OrdinalIgnoreCase)
            ? new PdfCell(null)
            : new PdfCell(target);
    }

    /// <summary>The target of a markdown link <c>[text](target)</c> that makes up the whole text, else null.</summary>
    public static string? LinkTarget(string text)
    {
        var span = text.AsSpan().Trim();
        if (span.Length < 4 || span[0] != '[' || span[^1] != ')')
        {
            return null;
        }

        var middle = span.IndexOf("](", StringComparison.Ordinal);
        if (middle < 0)
        {
            return null;
        }

        var target = span[(middle + 2)..^1].Trim();
        if (target.Length >= 2 && target[0] == '<' && target[^1] == '>')
        {
            target = target[1..^1];
        }

        return target.ToString();
    }
}
