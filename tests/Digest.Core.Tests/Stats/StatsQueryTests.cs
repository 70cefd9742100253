using Dapper;
using Digest.Core.Import;
using Digest.Core.Stats;
using Digest.Core.Storage;
using Digest.Core.Tests.Support;
using static Digest.Core.Tests.Support.DigestText;

namespace Digest.Core.Tests.Stats;

public sealed class StatsQueryTests : IDisposable
{
    private static readonly DateOnly Oct22 = new(2025, 10, 22);
    private static readonly DateOnly Oct24 = new(2025, 10, 24);

    private readonly TempFolder _temp = new();
    private readonly Database _database;

    public StatsQueryTests()
    {
        _database = new Database(_temp.File("digest.db"));
        _temp.Write("in/2025-10-22-arxiv.md", Day("arxiv", "2025-10-22",
            new Paper("甲\n\n（注：译注。）", "Haochen Wang", "2510.00001"), new Paper("乙", "Haochen Wang", "2510.00002")));
        _temp.Write("in/2025-10-22-biorxiv.md", Day("biorxiv", "2025-10-22", new Paper("丙", "Ann Lee", "2510.00003")));
        _temp.Write("in/2025-10-24-arxiv.md", Day("arxiv", "2025-10-24", new Paper("甲再现", "Ann Lee", "2510.00001")));
        new Importer(_database).Import([_temp.File("in")]);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Papers_per_digest_and_per_day_count_every_entry()
    {
        var stats = new StatsQuery(_database).Get();

        Assert.Equal(
            [new DigestCount(Oct22, "arxiv", "papers", 2), new DigestCount(Oct22, "biorxiv", "papers", 1), new DigestCount(Oct24, "arxiv", "papers", 1)],
            stats.PerDigest);
        Assert.Equal([new DailyTotal(Oct22, 3, false), new DailyTotal(Oct24, 1, false)], stats.PerDay);
        Assert.Equal((4, 3), (stats.Entries, stats.Papers));
    }

    [Fact]
    public void Sources_count_days_entries_and_distinct_papers()
    {
        var stats = new StatsQuery(_database).Get();

        Assert.Equal([new SourceCount("arxiv", 2, 3, 2), new SourceCount("biorxiv", 1, 1, 1)], stats.PerSource);
    }

    [Fact]
    public void Frequent_authors_are_ranked_by_distinct_papers_then_name()
    {
        var stats = new StatsQuery(_database).Get(topAuthors: 5);

        Assert.Equal([new AuthorCount("Ann Lee", 2), new AuthorCount("Haochen Wang", 2)], stats.TopAuthors);
        Assert.Single(new StatsQuery(_database).Get(topAuthors: 1).TopAuthors);
    }

    [Fact]
    public void Shares_of_notes_and_failed_translations_read_the_note_column_and_the_flags_array()
    {
        using (var connection = _database.Open())
        {
            connection.Execute("""UPDATE entry SET flags = '["multiline","translation_failed"]' WHERE title = '乙'""");
            connection.Execute("""UPDATE entry SET flags = '["not_translation_failed"]' WHERE title = '丙'""");
        }

        var stats = new StatsQuery(_database).Get();

        Assert.Equal(1, stats.EntriesWithTitleNote);
        Assert.Equal(0.25, stats.TitleNoteShare);
        Assert.Equal(1, stats.EntriesTranslationFailed);
        Assert.Equal(0.25, stats.TranslationFailedShare);
    }

    [Fact]
    public void A_failed_source_marks_its_day()
    {
        using (var connection = _database.Open())
        {
            connection.Execute("UPDATE digest SET state = 'fetch_failed' WHERE source = 'biorxiv'");
        }

        var stats = new StatsQuery(_database).Get();

        Assert.True(stats.PerDay.Single(d => d.Date == Oct22).FetchFailed);
        Assert.False(stats.PerDay.Single(d => d.Date == Oct24).FetchFailed);
    }

    [Fact]
    public void An_empty_database_has_zero_shares_not_an_error()
    {
        var stats = new StatsQuery(new Database(_temp.File("empty.db"))).Get();

        Assert.Empty(stats.PerDay);
        Assert.Equal((0, 0.0, 0.0), (stats.Entries, stats.TitleNoteShare, stats.TranslationFailedShare));
    }
}
