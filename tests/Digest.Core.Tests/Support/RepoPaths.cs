namespace Digest.Core.Tests.Support;

/// <summary>Finds the repository root and the shared conformance corpus beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>The shared conformance corpus beside the repository, or null when this checkout has none.</summary>
    public static string? Corpus => Import.CorpusLocator.Find();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Digest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find Digest.sln above " + AppContext.BaseDirectory);
    }
}
