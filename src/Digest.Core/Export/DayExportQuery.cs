using System.Globalization;
using System.Text.Json;
using Dapper;
using Digest.Core.Papers;
using Digest.Core.Storage;

namespace Digest.Core.Export;

/// <summary>
/// Reads one day (or one source of a day) for export: its digests in source order, each with its entries in
/// rank order, every field as imported, plus the paper key and the days the paper appeared.
/// </summary>
public sealed class DayExportQuery(Database database)
{
    private sealed record DigestRow(long Id, string Source, string State, string? StateNote);

    private sealed record EntryRow(long DigestId, string Date, string Source, long Rank, string Key, string KeyKind, string Title,
        string? TitleNote, string Authors, string? PdfUrl, string? CodeUrl, string? TitleEn, string? Abstract, string? AbstractEn,
        string? Published, string Flags, string? Extra);

    /// <summary>
    /// The day's digests, or only <paramref name="source"/>'s (a slug such as <c>arxiv</c>; see <see cref="Papers.Source.Parse"/>).
    /// Null when no digest exists for that date, or for that date and source, or when the source is not one we know.
    /// </summary>
    public DayExport? Find(DateOnly date, string? source = null)
    {
        if (source is not null && (source = Papers.Source.Parse(source)) is null)
        {
            return null;
        }

        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var connection = database.Open();
        var digests = connection.Query<DigestRow>("""
            SELECT id AS Id, source AS Source, state AS State, state_note AS StateNote
            FROM digest WHERE date = $day AND ($source IS NULL OR source = $source)
            ORDER BY source
            """, new { day, source }).ToList();
        if (digests.Count == 0)
        {
            return null;
        }

        var entries = connection.Query<EntryRow>("""
            SELECT e.digest_id AS DigestId, e.date AS Date, e.source AS Source, e.rank AS Rank, p.key AS Key, p.kind AS KeyKind,
                   e.title AS Title, e.title_note AS TitleNote, e.authors AS Authors, e.pdf_url AS PdfUrl, e.code_url AS CodeUrl,
                   e.title_en AS TitleEn, e.abstract AS Abstract, e.abstract_en AS AbstractEn, e.published AS Published,
                   e.flags AS Flags, e.extra AS Extra
            FROM entry e JOIN paper p ON p.id = e.paper_id JOIN digest d ON d.id = e.digest_id
            WHERE d.date = $day AND ($source IS NULL OR d.source = $source)
            ORDER BY e.source, e.rank
            """, new { day, source }).ToList();
        var days = connection.Query<(string Key, string Date)>("""
            SELECT DISTINCT p.key, other.date
            FROM entry e JOIN digest d ON d.id = e.digest_id JOIN paper p ON p.id = e.paper_id JOIN entry other ON other.paper_id = e.paper_id
            WHERE d.date = $day AND ($source IS NULL OR d.source = $source)
            """, new { day, source })
            .ToLookup(r => r.Key, r => ParseDate(r.Date), StringComparer.Ordinal);

        var byDigest = entries.ToLookup(e => e.DigestId);
        return new DayExport(date, source, digests
            .Select(d => new SourceDigest(d.Source, ParseState(d.State), d.StateNote, byDigest[d.Id].Select(e => ToEntry(e, days)).ToList()))
            .ToList());
    }

    private static ExportEntry ToEntry(EntryRow row, ILookup<string, DateOnly> days) => new()
    {
        Date = ParseDate(row.Date),
        Source = row.Source,
        Rank = (int)row.Rank,
        Key = row.Key,
        KeyKind = ParseKind(row.KeyKind),
        Title = row.Title,
        TitleNote = row.TitleNote,
        Authors = JsonText.ReadList(row.Authors),
        PdfUrl = row.PdfUrl,
        CodeUrl = row.CodeUrl,
        TitleEn = row.TitleEn,
        Abstract = row.Abstract,
        AbstractEn = row.AbstractEn,
        Published = row.Published,
        Flags = JsonText.ReadList(row.Flags),
        Extra = string.IsNullOrEmpty(row.Extra)
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(row.Extra, JsonText.Options) ?? [],
        Days = days[row.Key].Order().ToList(),
    };

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DigestState ParseState(string state) => state switch
    {
        "no_papers" => DigestState.NoPapers,
        "fetch_failed" => DigestState.FetchFailed,
        _ => DigestState.Papers,
    };

    private static PaperKeyKind ParseKind(string kind) => kind switch
    {
        "arxiv" => PaperKeyKind.Arxiv,
        "doi" => PaperKeyKind.Doi,
        _ => PaperKeyKind.Hash,
    };
}
