using Digest.Core.Import;
using Digest.Web.Caching;
using Microsoft.Extensions.Options;

namespace Digest.Web.Importing;

/// <summary>
/// Imports the seeds and the digest folder in the background once the app serves, then watches the folder:
/// file events, debounced, plus a periodic rescan of modification times because file watchers miss events.
/// All imports run on this one worker; readers never wait for them (WAL).
/// </summary>
public sealed class DigestFolderWatcher(
    Importer importer,
    DataVersionMonitor versions,
    ImportStatus status,
    IOptions<DigestOptions> options,
    IWebHostEnvironment environment,
    ILogger<DigestFolderWatcher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _changed = new(0);
    private Dictionary<string, (DateTime Modified, long Length)> _snapshot = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value;
        var seeds = settings.ResolveSeedsFolder(environment.ContentRootPath);
        var folder = settings.ResolveDigestFolder(environment.ContentRootPath);
        status.Configure(seeds, folder);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            _snapshot = Snapshot(folder);
        }

        var initial = new List<string>();
        if (seeds is not null && Directory.Exists(seeds))
        {
            initial.Add(seeds);
        }
        else
        {
            logger.LogWarning("No seeds folder found (Digest:SeedsFolder)");
        }

        if (folder is not null)
        {
            initial.Add(folder);
        }

        status.SetState("importing");
        if (initial.Count == 0)
        {
            CatchUpSearchIndex();
        }

        Import(initial, "start");
        if (folder is null)
        {
            status.SetState("idle");
            return;
        }

        using var watcher = StartWatcher(folder);
        status.SetState(watcher is null ? "watching (rescan only)" : "watching");
        logger.LogInformation("Watching {Folder} for digests", folder);
        var rescan = TimeSpan.FromMilliseconds(settings.RescanMilliseconds);
        var debounce = TimeSpan.FromMilliseconds(settings.DebounceMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await _changed.WaitAsync(rescan, stoppingToken))
                {
                    await Task.Delay(debounce, stoppingToken);
                    while (_changed.Wait(0))
                    {
                    }
                }

                ImportChanges(folder);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Watching {Folder} failed; retrying", folder);
                await Task.Delay(rescan, stoppingToken);
            }
        }
    }

    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }

    private void ImportChanges(string folder)
    {
        var now = Snapshot(folder);
        var changed = now
            .Where(file => !_snapshot.TryGetValue(file.Key, out var before) || before != file.Value)
            .Select(file => file.Key)
            .ToList();
        _snapshot = now;
        if (changed.Count > 0 && !Import(changed.Where(File.Exists).ToList(), "change"))
        {
            foreach (var path in changed)
            {
                _snapshot.Remove(path);
            }
        }
    }

    /// <summary>An import brings the search index up to date on its way; with nothing to import, this does.</summary>
    private void CatchUpSearchIndex()
    {
        try
        {
            var caughtUp = importer.CatchUpSearchIndex();
            if (caughtUp > 0)
            {
                versions.Refresh();
                logger.LogInformation("Search index caught up with {Changes} entry changes", caughtUp);
            }
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            logger.LogError(e, "The search index could not catch up");
        }
    }

    /// <summary>Imports the paths; false when the import failed and should be tried again.</summary>
    private bool Import(IReadOnlyList<string> paths, string reason)
    {
        if (paths.Count == 0)
        {
            return true;
        }

        var started = DateTimeOffset.UtcNow;
        try
        {
            var report = importer.Import(paths);
            versions.Refresh(); // first, so that cached pages follow the committed data as soon as they can
            var changedEntries = report.EntriesNew + report.EntriesUpdated + report.EntriesRemoved;
            status.Record(new LastImport(started, report.FilesSeen, report.FilesImported, changedEntries, report.Problems.Count, report.Elapsed.TotalMilliseconds, null));
            foreach (var problem in report.Problems.Take(20))
            {
                logger.LogWarning("Import problem: {Problem}", problem.ToString());
            }

            if (report.ChangedAnything)
            {
                logger.LogInformation("Imported ({Reason}): {Report}", reason, report.ToString());
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            status.Record(new LastImport(started, paths.Count, 0, 0, 0, (DateTimeOffset.UtcNow - started).TotalMilliseconds, e.Message));
            logger.LogError(e, "Import ({Reason}) failed", reason);
            return false;
        }
    }

    private FileSystemWatcher? StartWatcher(string folder)
    {
        try
        {
            var watcher = new FileSystemWatcher(folder, "*.md")
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Created += OnChanged;
            watcher.Changed += OnChanged;
            watcher.Renamed += OnChanged;
            watcher.Error += (_, e) => logger.LogWarning(e.GetException(), "The file watcher lost events; the rescan catches up");
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            logger.LogWarning(e, "Cannot watch {Folder}; falling back to rescanning it", folder);
            return null;
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (_changed.CurrentCount == 0)
        {
            _changed.Release();
        }
    }

    private static Dictionary<string, (DateTime, long)> Snapshot(string folder)
    {
        var files = new Dictionary<string, (DateTime, long)>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return files;
        }

        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*.md", SearchOption.AllDirectories))
        {
            files[file.FullName] = (file.LastWriteTimeUtc, file.Length);
        }

        return files;
    }
}
