namespace Digest.Core.Import;

/// <summary>Expands the paths given to an import into digest files: files as they are, folders recursively (*.md).</summary>
public static class DigestFileFinder
{
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.md", SearchOption.AllDirectories)
                    .Select(Path.GetFullPath)
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else
            {
                throw new FileNotFoundException($"no such file or folder: {path}", path);
            }
        }

        return files.Distinct(StringComparer.Ordinal).ToList();
    }
}
