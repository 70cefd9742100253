namespace Digest.Web.Importing;

/// <summary>What the background importer last did, for /healthz and the logs.</summary>
public sealed class ImportStatus
{
    private readonly Lock _lock = new();
    private LastImport? _last;

    /// <summary>starting | importing | watching | idle (no folder) | failed.</summary>
    public string State { get; private set; } = "starting";

    public string? WatchedFolder { get; private set; }
    public string? SeedsFolder { get; private set; }
    public int Imports { get; private set; }

    public LastImport? Last
    {
        get
        {
            lock (_lock)
            {
                return _last;
            }
        }
    }

    internal void Configure(string? seeds, string? folder)
    {
        SeedsFolder = seeds;
        WatchedFolder = folder;
    }

    internal void SetState(string state) => State = state;

    internal void Record(LastImport import)
    {
        lock (_lock)
        {
            _last = import;
            Imports++;
        }
    }
}

/// <summary>One import run, as /healthz reports it.</summary>
public sealed record LastImport(DateTimeOffset At, int Files, int FilesImported, int EntriesChanged, int Problems, double Milliseconds, string? Error);
