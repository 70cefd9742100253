using System.Globalization;
using System.Text;

namespace Digest.Core.Export;

/// <summary>
/// Writes a day's entries as RFC 4180 CSV: CRLF between records, a field quoted when it holds a comma, a quote,
/// CR or LF, quotes doubled. UTF-8 with a BOM, so that Excel opens the Chinese text correctly. Lists (authors,
/// flags) are joined with <c>"; "</c>, because author names such as <c>Alves, J. M.</c> hold commas. Values are
/// written verbatim: nothing is prefixed to defuse spreadsheet formulas, so the file stays a faithful copy.
/// </summary>
public sealed class DayCsvExporter : IDayExporter
{
    public static readonly IReadOnlyList<string> Header =
        ["date", "source", "rank", "key", "title", "title_note", "authors", "pdf_url", "code_url", "title_en", "abstract", "abstract_en", "published", "flags"];

    public const string ListSeparator = "; ";

    private static readonly UTF8Encoding Utf8WithBom = new(true);

    public void Write(DayExport day, Stream output)
    {
        using var writer = new StreamWriter(output, Utf8WithBom, 1 << 16, leaveOpen: true);
        Write(day, writer);
    }

    /// <summary>Writes the records; the BOM is the encoding's job, so a <see cref="StringWriter"/> gets none.</summary>
    public void Write(DayExport day, TextWriter writer)
    {
        WriteRecord(writer, Header);
        foreach (var e in day.Entries)
        {
            WriteRecord(writer,
            [
                e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Source, e.Rank.ToString(CultureInfo.InvariantCulture), e.Key,
                e.Title, e.TitleNote, string.Join(ListSeparator, e.Authors), e.PdfUrl, e.CodeUrl, e.TitleEn, e.Abstract, e.AbstractEn,
                e.Published, string.Join(ListSeparator, e.Flags),
            ]);
        }
    }

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void WriteRecord(TextWriter writer, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Field(fields[i]));
        }

        writer.Write("\r\n");
    }
}
