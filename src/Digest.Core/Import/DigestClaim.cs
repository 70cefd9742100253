using Digest.Core.Papers;

namespace Digest.Core.Import;

/// <summary>
/// Decides which file holds a (date, source) digest when several do. A per-source day page beats the combined
/// page that repeats it, which beats an accumulated legacy file; then more rows win; then the first path.
/// The outcome does not depend on the order the files are imported in.
/// </summary>
internal readonly record struct DigestClaim(SectionKind Kind, int Rows, string Path)
{
    public bool Beats(DigestClaim holder)
    {
        if (string.Equals(Path, holder.Path, StringComparison.Ordinal))
        {
            return true;
        }

        if (Kind != holder.Kind)
        {
            return Kind > holder.Kind;
        }

        if (Rows != holder.Rows)
        {
            return Rows > holder.Rows;
        }

        return string.CompareOrdinal(Path, holder.Path) < 0;
    }

    /// <summary>The first section of each (date, source) in file order: accumulated files stack newest first.</summary>
    public static IReadOnlyList<DigestSection> FirstOfEachDigest(IEnumerable<DigestSection> sections, out int repeatedRows)
    {
        var seen = new HashSet<(DateOnly, string)>();
        var first = new List<DigestSection>();
        repeatedRows = 0;
        foreach (var section in sections)
        {
            if (seen.Add((section.Date, section.Source)))
            {
                first.Add(section);
            }
            else
            {
                repeatedRows += section.Rows.Count;
            }
        }

        return first;
    }
}
