namespace Digest.Core.Storage.Reading;

/// <summary>What /healthz reports about the database.</summary>
public sealed record DatabaseStatus(string Path, int SchemaVersion, int LatestSchemaVersion, long DataVersion, string DataChangedAt, long Papers, long Days, long Entries, string? LatestDay);
