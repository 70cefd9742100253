using Dapper;
using Digest.Core.Import;
using Digest.Core.Storage;
using Digest.Core.Tests.Support;
using static Digest.Core.Tests.Support.DigestText;

namespace Digest.Core.Tests.Storage;

public sealed class ImporterTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Database _database;
    private readonly Importer _importer;

    public ImporterTests()
    {
        _database = new Database(_temp.File("digest.db"));
        _importer = new Importer(_database);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_seed_imports_and_a_second_import_changes_nothing()
    {
        var first = _importer.Import([RepoPaths.Seeds]);
        Assert.Equal(10, first.EntriesNew);
        Assert.Equal(10, first.Papers);
        var version = DataVersion();

        var second = _importer.Import([RepoPaths.Seeds]);

        Assert.Equal(0, second.FilesImported);
        Assert.Equal(1, second.FilesUnchanged);
        Assert.Equal(10, second.EntriesUnchanged);
        Assert.Equal(0, second.EntriesNew + second.EntriesUpdated + second.EntriesRemoved);
        Assert.Equal(version, DataVersion());
    }

    [Fact]
    public void A_changed_file_replaces_exactly_its_own_digest()
    {
        var day1 = _temp.Write("in/2025-10-22-arxiv.md", Day("arxiv", "2025-10-22", new Paper("甲", "A One", "2510.00001"), new Paper("乙", "B Two", "2510.00002")));
        _temp.Write("in/2025-10-23-arxiv.md", Day("arxiv", "2025-10-23", new Paper("丙", "C Three", "2510.00003")));
        _importer.Import([_temp.File("in")]);
        var otherDayIds = EntryIds("2025-10-23");

        File.WriteAllText(day1, Day("arxiv", "2025-10-22", new Paper("甲（修订）", "A One", "2510.00001"), new Paper("丁", "D Four", "2510.00004")));
        var report = _importer.Import([_temp.File("in")]);

        Assert.Equal((1, 1, 1, 1, 1), (report.FilesImported, report.EntriesNew, report.EntriesUnchanged, report.EntriesUpdated, report.EntriesRemoved));
        Assert.Equal(otherDayIds, EntryIds("2025-10-23"));
        using var connection = _database.Open();
        Assert.Equal(["甲（修订）", "丁"], connection.Query<string>("SELECT title FROM entry WHERE date = '2025-10-22' ORDER BY rank"));
        Assert.Null(connection.QuerySingleOrDefault<string>("SELECT key FROM paper WHERE key = '2510.00002'"));
        Assert.Equal("甲（修订）", connection.QuerySingle<string>("SELECT title FROM paper WHERE key = '2510.00001'"));
    }

    [Fact]
    public void A_paper_on_several_days_is_one_paper_with_its_first_and_last_day()
    {
        _temp.Write("in/2025-10-22-arxiv.md", Day("arxiv", "2025-10-22", new Paper("旧译", "A One", "2510.00001")));
        _temp.Write("in/2025-10-24-arxiv.md", Day("arxiv", "2025-10-24", new Paper("新译", "A One", "2510.00001")));

        var report = _importer.Import([_temp.File("in")]);

        Assert.Equal(1, report.Papers);
        using var connection = _database.Open();
        var paper = connection.QuerySingle<(string Title, string First, string Last, int Count)>(
            "SELECT title, first_seen, last_seen, entry_count FROM paper WHERE key = '2510.00001'");
        Assert.Equal(("新译", "2025-10-22", "2025-10-24", 2), paper);
    }

    [Fact]
    public void Cell_text_is_stored_verbatim_even_when_it_holds_script()
    {
        _temp.Write("in/2025-10-22-arxiv.md", Day("arxiv", "2025-10-22", new Paper("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "2510.00001", "[x](javascript:alert(1))")));

        _importer.Import([_temp.File("in")]);

        using var connection = _database.Open();
        var row = connection.QuerySingle<(string Title, string Authors, string Abstract)>("SELECT title, authors, abstract FROM entry");
        Assert.Equal("<script>alert(1)</script>", row.Title);
        Assert.Equal("""["<img src=x onerror=alert(1)>"]""", row.Authors);
        Assert.Equal("[x](javascript:alert(1))", row.Abstract);
    }

    [Fact]
    public void Authors_are_searchable_rows_linked_to_entries()
    {
        _temp.Write("in/2025-10-22-arxiv.md", Day("arxiv", "2025-10-22", new Paper("甲", "Haochen Wang", "2510.00001"), new Paper("乙", "Haochen Wang", "2510.00002")));

        _importer.Import([_temp.File("in")]);

        using var connection = _database.Open();
        Assert.Equal(2, connection.QuerySingle<int>(
            "SELECT COUNT(*) FROM entry_author ea JOIN author a ON a.id = ea.author_id WHERE a.name = 'Haochen Wang'"));
    }

    [Fact]
    public void A_missing_path_is_a_clear_error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => _importer.Import([_temp.File("nope")]));
        Assert.Contains("nope", error.Message);
    }

    private long DataVersion()
    {
        using var connection = _database.Open();
        return connection.QuerySingle<long>("SELECT version FROM data_version");
    }

    private List<long> EntryIds(string date)
    {
        using var connection = _database.Open();
        return connection.Query<long>("SELECT id FROM entry WHERE date = $date ORDER BY rank", new { date }).ToList();
    }
}
