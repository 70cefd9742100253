using System.Text.Json;
using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Export;

/// <summary>Writes every entry as one JSON object per line, ordered by date, source and rank.</summary>
public sealed class EntryExporter(Database database)
{
    private sealed record Row(string Date, string Source, long Rank, string Key, string Title, string? TitleNote, string Authors,
        string? PdfUrl, string? CodeUrl, string? TitleEn, string? Abstract, string? AbstractEn, string? Published, string Flags);

    public long WriteJsonLines(Stream output)
    {
        using var connection = database.Open();
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JsonText.Options.Encoder, SkipValidation = true });
        var newline = "\n"u8.ToArray();
        long count = 0;
        var rows = connection.Query<Row>("""
            SELECT e.date AS Date, e.source AS Source, e.rank AS Rank, p.key AS Key, e.title AS Title, e.title_note AS TitleNote,
                   e.authors AS Authors, e.pdf_url AS PdfUrl, e.code_url AS CodeUrl, e.title_en AS TitleEn, e.abstract AS Abstract,
                   e.abstract_en AS AbstractEn, e.published AS Published, e.flags AS Flags
            FROM entry e JOIN paper p ON p.id = e.paper_id
            ORDER BY e.date, e.source, e.rank
            """, buffered: false);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("date", row.Date);
            json.WriteString("source", row.Source);
            json.WriteNumber("rank", row.Rank);
            json.WriteString("key", row.Key);
            json.WriteString("title", row.Title);
            WriteNullable(json, "title_note", row.TitleNote);
            WriteList(json, "authors", row.Authors);
            WriteNullable(json, "pdf_url", row.PdfUrl);
            WriteNullable(json, "code_url", row.CodeUrl);
            WriteNullable(json, "title_en", row.TitleEn);
            WriteNullable(json, "abstract", row.Abstract);
            WriteNullable(json, "abstract_en", row.AbstractEn);
            WriteNullable(json, "published", row.Published);
            WriteList(json, "flags", row.Flags);
            json.WriteEndObject();
            json.Flush();
            json.Reset();
            output.Write(newline);
            count++;
        }

        output.Flush();
        return count;
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteList(Utf8JsonWriter json, string name, string listJson)
    {
        json.WriteStartArray(name);
        foreach (var item in JsonText.ReadList(listJson))
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
    }
}
