using Digest.Core.Storage;
using Microsoft.AspNetCore.OutputCaching;

namespace Digest.Web.Caching;

/// <summary>
/// Knows the database's data version, which every import that changed something bumps. It checks after each
/// import of its own and once a second (for imports from the CLI), and when the version moves it evicts the
/// cached pages. Pages and ETags read the version from here, not from the database.
/// </summary>
public sealed class DataVersionMonitor(PaperStore store, IOutputCacheStore cache, ILogger<DataVersionMonitor> logger) : BackgroundService
{
    public const string CacheTag = "digest";
    private static readonly string StartStamp = DateTime.UtcNow.Ticks.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
    private long _version = -1;
    private string _etag = "";

    public long Version
    {
        get
        {
            if (Volatile.Read(ref _version) < 0)
            {
                Refresh();
            }

            return Volatile.Read(ref _version);
        }
    }

    /// <summary>A strong ETag for any page rendered from this data version by this process.</summary>
    public string ETag
    {
        get
        {
            _ = Version;
            return Volatile.Read(ref _etag);
        }
    }

    /// <summary>Reads the version; evicts the cache and returns true when it changed.</summary>
    public bool Refresh()
    {
        var current = store.DataVersion();
        var previous = Interlocked.Exchange(ref _version, current);
        Volatile.Write(ref _etag, $"\"{current}-{StartStamp}\"");
        if (previous == current)
        {
            return false;
        }

        if (previous >= 0)
        {
            logger.LogInformation("Data version {Previous} -> {Current}: evicting cached pages", previous, current);
        }

        cache.EvictByTagAsync(CacheTag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                Refresh();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not read the data version");
            }
        }
    }
}
