using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Digest.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Digest.Core.Search;

/// <summary>
/// The SQL functions the search index triggers call (see <c>Migrations/0002_search.sql</c>), registered on every
/// connection before anything in Digest.Core can open one.
/// </summary>
public static class SearchSqlFunctions
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The triggers need the functions before the first connection opens, whoever opens it.")]
    internal static void RegisterOnEveryConnection() => Database.OnEveryConnection(Register);

    /// <summary>
    /// <c>search_text(a, b)</c>: the index tokens of one or two texts (NULLs allowed);
    /// <c>search_authors(json)</c>: the index tokens of a JSON array of author names.
    /// </summary>
    public static void Register(SqliteConnection connection)
    {
        connection.CreateFunction<string?, string?, string>("search_text", (a, b) => CjkTokenizer.IndexText(a, b), isDeterministic: true);
        connection.CreateFunction<string?, string>("search_authors", json => CjkTokenizer.IndexText(AuthorText(json)), isDeterministic: true);
    }

    /// <summary>The author names of a JSON array, one per line; the text itself when it is not a JSON array.</summary>
    public static string? AuthorText(string? json)
    {
        if (string.IsNullOrEmpty(json) || json[0] != '[')
        {
            return json;
        }

        try
        {
            return string.Join('\n', JsonText.ReadList(json));
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
