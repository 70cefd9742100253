using Digest.Core.Storage;
using Digest.Web.Importing;

namespace Digest.Web.Api;

/// <summary>/healthz: the database file, its schema and contents, and what the importer and watcher are doing.</summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (PaperStore store, ImportStatus imports, ILoggerFactory loggers) =>
        {
            var importer = new
            {
                state = imports.State,
                seeds_folder = imports.SeedsFolder,
                watched_folder = imports.WatchedFolder,
                imports = imports.Imports,
                last_import = imports.Last,
            };
            try
            {
                var database = store.GetStatus();
                var healthy = database.SchemaVersion == database.LatestSchemaVersion && imports.Last?.Error is null;
                return Results.Json(new { status = healthy ? "ok" : "degraded", database, importer }, statusCode: 200);
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
            {
                loggers.CreateLogger(typeof(HealthEndpoint)).LogError(e, "Health check cannot read the database");
                return Results.Json(new { status = "unavailable", error = e.Message, importer }, statusCode: 503);
            }
        });
        return endpoints;
    }
}
