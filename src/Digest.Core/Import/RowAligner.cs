using System.Text.RegularExpressions;

namespace Digest.Core.Import;

/// <summary>
/// Puts a row's cells under the right columns. A row with as many cells as the header maps one to one. Before
/// 2026 a <c>|</c> inside a cell was not escaped, so a row can have more cells than the header: the PDF cell is
/// the anchor, the columns with a fixed shape (authors, date, code link) take one cell each, and the surplus
/// belongs to the free-text columns (an abstract before a title when a side has both).
/// </summary>
internal static partial class RowAligner
{
    [GeneratedRegex(@"^\s*(?:\[[^\]]*\]\([^)]*\)|PDF缺失)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PdfCellPattern();

    /// <summary>For each column, the first and last cell it spans; null when the row cannot be aligned.</summary>
    public static (int First, int Last)[]? Align(string row, IReadOnlyList<CellSpan> cells, DigestColumns columns, out string? why)
    {
        why = null;
        // Markdig pads short rows with empty cells; count the row's own cells by its delimiters.
        var delimiters = PipeText.CountDelimiters(row);
        var own = row.AsSpan().TrimEnd().EndsWith('|') ? delimiters - 1 : delimiters;
        var count = Math.Min(cells.Count, Math.Max(own, 0));
        while (count > columns.Count && cells[count - 1].IsEmpty)
        {
            count--;
        }

        var result = new (int First, int Last)[columns.Count];
        if (count <= columns.Count)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                result[i] = i < count ? (i, i) : (-1, -1);
            }

            if (count <= columns.PdfIndex)
            {
                why = $"row has {count} cells and no PDF cell; the header has {columns.Count} columns";
                return null;
            }

            return result;
        }

        var pdf = FindPdfCell(row, cells, count, columns);
        if (pdf < 0)
        {
            why = $"row has {count} cells for {columns.Count} columns and no PDF cell to align them by";
            return null;
        }

        result[columns.PdfIndex] = (pdf, pdf);
        var left = AlignSide(columns, 0, columns.PdfIndex, 0, pdf, result);
        var right = AlignSide(columns, columns.PdfIndex + 1, columns.Count, pdf + 1, count, result);
        if (!left || !right)
        {
            why = $"row has {count} cells for {columns.Count} columns and they do not fit around the PDF cell";
            return null;
        }

        return result;
    }

    private static int FindPdfCell(string row, IReadOnlyList<CellSpan> cells, int count, DigestColumns columns)
    {
        var before = columns.PdfIndex;
        var after = columns.Count - columns.PdfIndex - 1;
        for (var i = before; i < count - after; i++)
        {
            if (!cells[i].IsEmpty && PdfCellPattern().IsMatch(row.AsSpan(cells[i].Start, cells[i].Length)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Spreads cells [cellFrom, cellTo) over columns [columnFrom, columnTo).</summary>
    private static bool AlignSide(DigestColumns columns, int columnFrom, int columnTo, int cellFrom, int cellTo, (int First, int Last)[] result)
    {
        var columnCount = columnTo - columnFrom;
        var cellCount = cellTo - cellFrom;
        if (columnCount == 0)
        {
            return cellCount == 0;
        }

        if (cellCount < columnCount)
        {
            return false;
        }

        var wide = PickWideColumn(columns, columnFrom, columnTo);
        var surplus = cellCount - columnCount;
        var cell = cellFrom;
        for (var column = columnFrom; column < columnTo; column++)
        {
            var take = column == wide ? surplus + 1 : 1;
            result[column] = (cell, cell + take - 1);
            cell += take;
        }

        return true;
    }

    /// <summary>The free-text column that takes surplus cells: an abstract first, then a title, then anything free.</summary>
    private static int PickWideColumn(DigestColumns columns, int from, int to)
    {
        var best = -1;
        var bestRank = int.MaxValue;
        for (var i = from; i < to; i++)
        {
            var rank = Rank(columns.Roles[i]);
            if (rank < bestRank)
            {
                best = i;
                bestRank = rank;
            }
        }

        return best >= 0 ? best : from;

        static int Rank(ColumnRole role) => role switch
        {
            ColumnRole.Abstract => 0,
            ColumnRole.AbstractEn => 1,
            ColumnRole.Title => 2,
            ColumnRole.TitleEn => 3,
            ColumnRole.Extra => 4,
            _ => int.MaxValue,
        };
    }
}
