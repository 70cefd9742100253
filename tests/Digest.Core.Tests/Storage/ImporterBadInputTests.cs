using Dapper;
using Digest.Core.Import;
using Digest.Core.Storage;
using Digest.Core.Tests.Support;
using static Digest.Core.Tests.Support.DigestText;

namespace Digest.Core.Tests.Storage;

/// <summary>Files that hold no readable digest are reported once each, located, and change nothing.</summary>
public sealed class ImporterBadInputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Binary_invalid_utf8_and_tableless_files_are_reported_once_and_change_nothing()
    {
        var database = new Database(_temp.File("digest.db"));
        var importer = new Importer(database);
        _temp.Write("in/2025-10-22-arxiv.md", Day("arxiv", "2025-10-22", new Paper("甲", "A One", "2510.00001")));
        importer.Import([_temp.File("in")]);
        var before = Snapshot(database);

        File.WriteAllBytes(_temp.File("in/2025-10-23-arxiv.md"), [0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]);
        File.WriteAllBytes(_temp.File("in/2025-10-24-arxiv.md"), [.. "# arxiv 2025-10-24\n\n| 标题 |"u8, 0xff, 0xfe, .. "\n"u8]);
        _temp.Write("in/notes.md", "# 说明\n\n这里没有表格。\n");
        var report = importer.Import([_temp.File("in")]);

        Assert.Equal(3, report.Problems.Count);
        Assert.All(report.Problems, p => Assert.Equal(1, p.Line));
        Assert.Equal(
            ["2025-10-23-arxiv.md", "2025-10-24-arxiv.md", "notes.md"],
            report.Problems.Select(p => Path.GetFileName(p.File)).Order(StringComparer.Ordinal));
        Assert.Equal(3, report.FilesWithoutDigest);
        Assert.Equal(1, report.FilesUnchanged);
        Assert.Equal(before, Snapshot(database));
    }

    [Fact]
    public void A_row_that_cannot_be_read_becomes_a_located_problem_and_the_other_rows_import()
    {
        var database = new Database(_temp.File("digest.db"));
        var text = Day("arxiv", "2025-10-22", new Paper("甲", "A One", "2510.00001"), new Paper("乙", "B Two", "2510.00002"))
            .Replace("| 乙 | B Two | [PDF](http://arxiv.org/pdf/2510.00002v1) | 摘要。 |", "| 乙 | 这一行没有 PDF 单元格 |\n| 丙 | C Three | [PDF](http://arxiv.org/pdf/2510.00003v1) | 摘要。 |", StringComparison.Ordinal);
        _temp.Write("in/2025-10-22-arxiv.md", text);

        var report = new Importer(database).Import([_temp.File("in")]);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(6, problem.Line);
        Assert.Contains("这一行没有 PDF 单元格", problem.RawText);
        using var connection = database.Open();
        Assert.Equal(["甲", "丙"], connection.Query<string>("SELECT title FROM entry ORDER BY rank"));
        var stored = connection.QuerySingle<(string File, int Line, string Raw)>("SELECT file_path, line, raw_text FROM import_problem");
        Assert.Equal((problem.File, 6), (stored.File, stored.Line));
        Assert.Contains("这一行没有 PDF 单元格", stored.Raw);
    }

    private static (long Version, long Entries, long Files) Snapshot(Database database)
    {
        using var connection = database.Open();
        return connection.QuerySingle<(long, long, long)>(
            "SELECT (SELECT version FROM data_version), (SELECT COUNT(*) FROM entry), (SELECT COUNT(*) FROM source_file)");
    }
}
