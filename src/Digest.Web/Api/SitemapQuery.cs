using Dapper;
using Digest.Core.Storage;

namespace Digest.Web.Api;

/// <summary>
/// The pages a sitemap lists: every day with a digest (newest first), then every paper (by key), read as one
/// sequence so that it can be cut into sitemap files of at most <see cref="PageSize"/> URLs.
/// </summary>
public sealed class SitemapQuery(Database database)
{
    /// <summary>The sitemap protocol's limit of URLs in one file.</summary>
    public const int PageSize = 50_000;

    public int Count()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<int>("SELECT (SELECT COUNT(DISTINCT date) FROM digest) + (SELECT COUNT(*) FROM paper)");
    }

    /// <summary>Page <paramref name="page"/> (0-based) of the URLs: (true, date) for a day, (false, key) for a paper, with the day last seen.</summary>
    public IEnumerable<SitemapUrl> Page(int page, int pageSize = PageSize)
    {
        using var connection = database.Open();
        foreach (var row in connection.Query<SitemapUrl>("""
            SELECT IsDay, Value, LastSeen FROM (
                SELECT 1 AS IsDay, date AS Value, date AS LastSeen, 0 AS Part FROM (SELECT DISTINCT date FROM digest)
                UNION ALL
                SELECT 0, key, last_seen, 1 FROM paper)
            ORDER BY Part, CASE WHEN IsDay = 1 THEN Value END DESC, Value
            LIMIT $limit OFFSET $offset
            """, new { limit = pageSize, offset = (long)page * pageSize }, buffered: false))
        {
            yield return row;
        }
    }
}

public sealed class SitemapUrl
{
    public bool IsDay { get; set; }
    public string Value { get; set; } = "";
    public string LastSeen { get; set; } = "";
}
