using System.Globalization;
using System.Text;

namespace Digest.Core.Export;

/// <summary>A day's papers as BibTeX, one entry per paper in (source, rank) order.</summary>
public sealed class DayBibTexExporter : IDayExporter
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public void Write(DayExport day, Stream output)
    {
        using var writer = new StreamWriter(output, Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        BibTexWriter.Write(writer, day.Entries.Select(ToPaper));
    }

    public static BibTexPaper ToPaper(ExportEntry entry) => new(
        entry.Key,
        entry.KeyKind.ToString().ToLowerInvariant(),
        entry.Title,
        entry.TitleEn,
        entry.Authors,
        (entry.Days.Count > 0 ? entry.Days[0] : entry.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        entry.PdfUrl,
        entry.Published);
}
