using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Search;

/// <summary>
/// How big the search index is next to the text it indexes (UTF-8 bytes of the indexed columns). The index size
/// is the payload of the FTS5 shadow tables and of search_entry, plus their row ids and search_entry's date index (e_sqlite3 has no dbstat to count pages).
/// </summary>
public sealed record SearchIndexSize(long IndexBytes, long TextBytes)
{
    public double Ratio => TextBytes == 0 ? 0 : (double)IndexBytes / TextBytes;

    public static SearchIndexSize Measure(Database database)
    {
        using var connection = database.Open();
        var index = connection.ExecuteScalar<long?>("""
            SELECT (SELECT COALESCE(SUM(length(block)) + 8 * COUNT(*), 0) FROM entry_search_data)
                 + (SELECT COALESCE(SUM(length(term)) + 24 * COUNT(*), 0) FROM entry_search_idx)
                 + (SELECT COALESCE(SUM(length(sz)) + 8 * COUNT(*), 0) FROM entry_search_docsize)
                 + (SELECT COALESCE(SUM(length(date) + length(source)) + 16 * COUNT(*), 0) FROM search_entry)
                 + (SELECT COALESCE(SUM(length(date)) + 12 * COUNT(*), 0) FROM search_entry) -- its (date, id) index
            """) ?? 0;
        var text = connection.ExecuteScalar<long?>("""
            SELECT SUM(COALESCE(length(CAST(title AS BLOB)), 0) + COALESCE(length(CAST(title_en AS BLOB)), 0)
                     + COALESCE(length(CAST(title_note AS BLOB)), 0) + COALESCE(length(CAST(abstract AS BLOB)), 0)
                     + COALESCE(length(CAST(abstract_en AS BLOB)), 0) + COALESCE(length(CAST(authors AS BLOB)), 0))
            FROM entry
            """) ?? 0;
        return new SearchIndexSize(index, text);
    }

    public override string ToString() => $"index {IndexBytes:N0} B / text {TextBytes:N0} B = {Ratio:0.00}×";
}
