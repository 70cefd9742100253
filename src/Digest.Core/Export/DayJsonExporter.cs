using System.Globalization;
using System.Text.Json;

namespace Digest.Core.Export;

/// <summary>
/// Writes a day in the shape of the generator's own <c>api/daily/YYYY-MM-DD.json</c>, so its clients keep working:
/// <c>{"date", "count", "sources": {source: entries}, "papers": [...]}</c>. Each paper maps our entry like this:
/// <list type="bullet">
/// <item><c>id</c> = the paper key (arXiv id without version, DOI, or <c>h-…</c> for unlinked rows)</item>
/// <item><c>title</c> = the English title when the digest had one, else the Chinese title (never null)</item>
/// <item><c>translated_title</c> = the Chinese title; <c>summary</c> = the English abstract or null;
/// <c>translated_summary</c> = the Chinese abstract</item>
/// <item><c>author</c> = the first author; <c>paper_url</c> = arxiv.org/abs/{id} or doi.org/{doi}, null when unlinked</item>
/// <item><c>rank</c>, <c>date</c>, <c>source</c> (slug), <c>pdf_url</c> as stored</item>
/// </list>
/// Our own fields sit beside them: <c>key</c>, <c>title_note</c>, <c>authors</c>, <c>days</c> (every day the paper
/// appeared), <c>published</c>, <c>code_url</c> and <c>flags</c>; and at the top <c>states</c> (source → papers |
/// no_papers | fetch_failed). Names are snake_case, Chinese is written unescaped, nulls are written as null.
/// </summary>
public sealed class DayJsonExporter : IDayExporter
{
    public void Write(DayExport day, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JsonText.Options.Encoder, Indented = false });
        Write(day, json);
    }

    public void Write(DayExport day, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("date", Iso(day.Date));
        json.WriteNumber("count", day.Count);
        json.WriteStartObject("sources");
        foreach (var digest in day.Digests)
        {
            json.WriteNumber(digest.Source, digest.Entries.Count);
        }

        json.WriteEndObject();
        json.WriteStartObject("states");
        foreach (var digest in day.Digests)
        {
            json.WriteString(digest.Source, Import.DigestWriter.StateName(digest.State));
        }

        json.WriteEndObject();
        json.WriteStartArray("papers");
        foreach (var entry in day.Entries)
        {
            WritePaper(json, entry);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    private static void WritePaper(Utf8JsonWriter json, ExportEntry e)
    {
        json.WriteStartObject();
        json.WriteString("id", e.Key);
        json.WriteString("date", Iso(e.Date));
        json.WriteString("source", e.Source);
        json.WriteString("title", e.TitleEn ?? e.Title);
        json.WriteString("translated_title", e.Title);
        json.WriteString("author", e.Authors.Count > 0 ? e.Authors[0] : null);
        json.WriteString("pdf_url", e.PdfUrl);
        json.WriteString("paper_url", e.PaperUrl);
        json.WriteNumber("rank", e.Rank);
        json.WriteString("summary", e.AbstractEn);
        json.WriteString("translated_summary", e.Abstract);
        json.WriteString("key", e.Key);
        json.WriteString("title_note", e.TitleNote);
        WriteList(json, "authors", e.Authors);
        WriteList(json, "days", e.Days.Select(Iso));
        json.WriteString("published", e.Published);
        json.WriteString("code_url", e.CodeUrl);
        WriteList(json, "flags", e.Flags);
        json.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter json, string name, IEnumerable<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
