using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Import;

/// <summary>
/// Compares the rows imported from each file with a manifest (tab-separated, with the columns <c>file</c> and
/// <c>papers_expected</c>). A file is matched by its file name.
/// </summary>
public sealed class ManifestCheck(Database database)
{
    public sealed record Mismatch(string File, int Expected, int? Actual);

    public sealed record Result(int FilesChecked, int RowsExpected, int RowsImported, IReadOnlyList<Mismatch> Mismatches)
    {
        public bool Passed => Mismatches.Count == 0;
    }

    public Result Check(string manifestPath)
    {
        var lines = File.ReadAllLines(manifestPath);
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"{manifestPath}: the manifest is empty");
        }

        var header = lines[0].Split('\t');
        var fileColumn = Array.IndexOf(header, "file");
        var countColumn = Array.IndexOf(header, "papers_expected");
        if (fileColumn < 0 || countColumn < 0)
        {
            throw new InvalidDataException($"{manifestPath}:1: the manifest needs the columns 'file' and 'papers_expected'");
        }

        using var connection = database.Open();
        var imported = connection.Query<(string Path, int Rows)>("SELECT path, rows_read FROM source_file")
            .GroupBy(f => Path.GetFileName(f.Path), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Rows, StringComparer.Ordinal);

        var mismatches = new List<Mismatch>();
        int expectedTotal = 0, importedTotal = 0, files = 0;
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split('\t');
            var file = cells[fileColumn];
            var expected = int.Parse(cells[countColumn], System.Globalization.CultureInfo.InvariantCulture);
            int? actual = imported.TryGetValue(file, out var rows) ? rows : null;
            files++;
            expectedTotal += expected;
            importedTotal += actual ?? 0;
            if ((actual ?? 0) != expected || (actual is null && expected > 0))
            {
                mismatches.Add(new Mismatch(file, expected, actual));
            }
        }

        return new Result(files, expectedTotal, importedTotal, mismatches);
    }
}
