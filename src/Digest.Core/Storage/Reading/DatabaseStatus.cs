namespace Digest.Core.Storage.Reading;

/// <summary>What /healthz reports about the database.</summary>
/// <param name="SearchPending">Entries changed since the search index last caught up: 0 once an import has finished.</param>
public sealed record DatabaseStatus(string Path, int SchemaVersion, int LatestSchemaVersion, long DataVersion, string DataChangedAt, long Papers, long Days, long Entries, string? LatestDay,
    string SearchIndexPath, long SearchPending);
