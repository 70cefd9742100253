using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Export;

/// <summary>Reads what a paper's BibTeX entry needs from the <c>paper</c> table (its newest translation).</summary>
public sealed class PaperCitationQuery(Database database)
{
    private sealed record Row(string Key, string Kind, string Title, string? TitleEn, string Authors, string FirstSeen, string? PdfUrl, string? Published);

    /// <summary>The paper, or null when no paper has that key.</summary>
    public BibTexPaper? Find(string key)
    {
        using var connection = database.Open();
        var row = connection.QuerySingleOrDefault<Row>("""
            SELECT key AS Key, kind AS Kind, title AS Title, title_en AS TitleEn, authors AS Authors, first_seen AS FirstSeen, pdf_url AS PdfUrl,
                   published AS Published
            FROM paper WHERE key = $key
            """, new { key });
        return row is null ? null : new BibTexPaper(row.Key, row.Kind, row.Title, row.TitleEn, JsonText.ReadList(row.Authors), row.FirstSeen, row.PdfUrl, row.Published);
    }
}
