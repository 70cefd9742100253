namespace Digest.Core.Tests.Import;

/// <summary>Finds the shared conformance corpus: <c>&lt;repo&gt;/../shared/corpus</c>, walking up from the test assembly.</summary>
internal static class CorpusLocator
{
    public static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DIGEST_CORPUS");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (File.Exists(Path.Combine(candidate, "manifest.tsv")))
            {
                return candidate;
            }
        }

        return null;
    }
}
