namespace Digest.Web;

/// <summary>The "Digest" configuration section. Relative paths are resolved against the content root.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    public string DatabasePath { get; set; } = "App_Data/digest.db";

    /// <summary>A folder of digest files to import at start and to watch while the app runs.</summary>
    public string? DigestFolder { get; set; }

    /// <summary>The bundled digests; found by walking up from the content root to a <c>seeds</c> folder when unset.</summary>
    public string? SeedsFolder { get; set; }

    /// <summary>How long the watcher waits for a burst of file events to settle.</summary>
    public int DebounceMilliseconds { get; set; } = 500;

    /// <summary>How often the folder is rescanned in case the file watcher missed an event.</summary>
    public int RescanMilliseconds { get; set; } = 2000;

    public string ResolveDatabasePath(string contentRoot) => Path.GetFullPath(DatabasePath, contentRoot);

    public string? ResolveDigestFolder(string contentRoot) =>
        string.IsNullOrWhiteSpace(DigestFolder) ? null : Path.GetFullPath(DigestFolder, contentRoot);

    public string? ResolveSeedsFolder(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(SeedsFolder))
        {
            return Path.GetFullPath(SeedsFolder, contentRoot);
        }

        for (var folder = new DirectoryInfo(contentRoot); folder is not null; folder = folder.Parent)
        {
            var seeds = Path.Combine(folder.FullName, "seeds");
            if (Directory.Exists(seeds))
            {
                return seeds;
            }
        }

        return null;
    }
}
