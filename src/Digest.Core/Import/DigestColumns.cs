namespace Digest.Core.Import;

/// <summary>What a digest table column holds.</summary>
internal enum ColumnRole
{
    Title,
    Authors,
    Pdf,
    Abstract,
    Code,
    Published,
    TitleEn,
    AbstractEn,

    /// <summary>A column the importer does not know; kept in <see cref="Papers.DigestRow.Extra"/>.</summary>
    Extra,
}

/// <summary>
/// The columns of a digest table, mapped by header name (never by position). Names are trimmed and runs of spaces
/// collapsed. The early English header <c>Title | Summary | PDF Link | Code Link | Translated Title |
/// Translated Summary | Summary</c> maps the translations to the Chinese fields, the originals to the English ones,
/// and keeps the second <c>Summary</c> (keywords) as an extra column.
/// </summary>
internal sealed class DigestColumns
{
    private DigestColumns(string[] names, ColumnRole[] roles)
    {
        Names = names;
        Roles = roles;
        PdfIndex = Array.IndexOf(roles, ColumnRole.Pdf);
    }

    public IReadOnlyList<string> Names { get; }
    public IReadOnlyList<ColumnRole> Roles { get; }
    public int Count => Roles.Count;
    public int PdfIndex { get; }

    /// <summary>A digest table has a PDF column and a title column; index tables (来源 | 独立页面) have neither.</summary>
    public bool IsDigest => PdfIndex >= 0 && Roles.Any(r => r is ColumnRole.Title or ColumnRole.TitleEn);

    public int IndexOf(ColumnRole role)
    {
        for (var i = 0; i < Roles.Count; i++)
        {
            if (Roles[i] == role)
            {
                return i;
            }
        }

        return -1;
    }

    public static string NormaliseName(string header) =>
        string.Join(' ', header.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static DigestColumns FromHeader(IReadOnlyList<string> headerCells)
    {
        var names = headerCells.Select(NormaliseName).ToArray();
        var english = names.Contains("Translated Title", StringComparer.OrdinalIgnoreCase);
        var roles = new ColumnRole[names.Length];
        var taken = new HashSet<ColumnRole>();
        for (var i = 0; i < names.Length; i++)
        {
            var role = RoleOf(names[i], english);
            roles[i] = role != ColumnRole.Extra && taken.Add(role) ? role : ColumnRole.Extra;
        }

        // Disambiguate extra columns that share a name, so Extra keeps every one of them.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (roles[i] != ColumnRole.Extra)
            {
                continue;
            }

            var count = seen.GetValueOrDefault(names[i]) + 1;
            seen[names[i]] = count;
            if (count > 1 || names[i].Length == 0)
            {
                names[i] = names[i].Length == 0 ? $"column {i + 1}" : $"{names[i]} ({count})";
            }
        }

        return new DigestColumns(names, roles);
    }

    private static ColumnRole RoleOf(string name, bool englishHeader) => name.ToLowerInvariant() switch
    {
        "标题" => ColumnRole.Title,
        "作者" => ColumnRole.Authors,
        "pdf链接" or "pdf link" or "pdf" => ColumnRole.Pdf,
        "摘要" => ColumnRole.Abstract,
        "代码仓库" or "代码链接" or "code link" => ColumnRole.Code,
        "发布日期" => ColumnRole.Published,
        "title" => ColumnRole.TitleEn,
        "abstract" => ColumnRole.AbstractEn,
        "summary" when englishHeader => ColumnRole.AbstractEn,
        "translated title" => ColumnRole.Title,
        "translated summary" => ColumnRole.Abstract,
        _ => ColumnRole.Extra,
    };
}
