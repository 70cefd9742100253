using Dapper;
using Digest.Core.Export;
using Digest.Core.Import;
using Digest.Core.Papers;
using Digest.Core.Storage;
using Digest.Core.Tests.Support;
using static Digest.Core.Tests.Support.DigestText;

namespace Digest.Core.Tests.Export;

public sealed class DayExportQueryTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Database _database;
    private readonly DayExportQuery _query;

    public DayExportQueryTests()
    {
        _database = new Database(_temp.File("digest.db"));
        _query = new DayExportQuery(_database);
        _temp.Write("in/2025-10-22-arxiv.md", Day("arxiv", "2025-10-22", new Paper("甲", "A One", "2510.00001"), new Paper("乙", "B Two", "2510.00002")));
        _temp.Write("in/2025-10-22-biorxiv.md", Day("biorxiv", "2025-10-22", new Paper("丙", "C Three", "2510.00003")));
        _temp.Write("in/2025-10-24-arxiv.md", Day("arxiv", "2025-10-24", new Paper("甲再现", "A One", "2510.00001")));
        new Importer(_database).Import([_temp.File("in")]);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_whole_day_is_its_digests_in_source_order_and_entries_in_rank_order()
    {
        var day = _query.Find(new DateOnly(2025, 10, 22))!;

        Assert.Null(day.Source);
        Assert.Equal([Source.Arxiv, Source.Biorxiv], day.Digests.Select(d => d.Source));
        Assert.All(day.Digests, d => Assert.Equal(DigestState.Papers, d.State));
        Assert.Equal([("arxiv", 1, "甲"), ("arxiv", 2, "乙"), ("biorxiv", 1, "丙")], day.Entries.Select(e => (e.Source, e.Rank, e.Title)));
        Assert.Equal(3, day.Count);
        Assert.Equal("2025-10-22", day.FileStem);
    }

    [Fact]
    public void An_entry_carries_its_fields_its_paper_key_and_every_day_the_paper_appeared()
    {
        var first = _query.Find(new DateOnly(2025, 10, 22), Source.Arxiv)!.Entries.First();

        Assert.Equal("2510.00001", first.Key);
        Assert.Equal(PaperKeyKind.Arxiv, first.KeyKind);
        Assert.Equal(["A One"], first.Authors);
        Assert.Equal("http://arxiv.org/pdf/2510.00001v1", first.PdfUrl);
        Assert.Equal("https://arxiv.org/abs/2510.00001", first.PaperUrl);
        Assert.Equal("摘要。", first.Abstract);
        Assert.Equal([new DateOnly(2025, 10, 22), new DateOnly(2025, 10, 24)], first.Days);
    }

    [Fact]
    public void One_source_of_a_day_holds_only_that_digest()
    {
        var day = _query.Find(new DateOnly(2025, 10, 22), "bioRxiv")!;

        Assert.Equal("2025-10-22-biorxiv", day.FileStem);
        Assert.Equal(["丙"], day.Entries.Select(e => e.Title));
    }

    [Fact]
    public void A_digest_without_entries_keeps_its_state_and_note()
    {
        using (var connection = _database.Open())
        {
            connection.Execute("DELETE FROM entry WHERE source = 'biorxiv'");
            connection.Execute("UPDATE digest SET state = 'fetch_failed', state_note = '抓取失败：timeout' WHERE source = 'biorxiv'");
        }

        var day = _query.Find(new DateOnly(2025, 10, 22), Source.Biorxiv)!;

        var digest = Assert.Single(day.Digests);
        Assert.Equal((DigestState.FetchFailed, "抓取失败：timeout", 0), (digest.State, digest.StateNote, digest.Entries.Count));
        Assert.Equal("# bioRxiv 2025-10-22\n\n> 抓取失败：timeout\n", new DayMarkdownExporter().ToMarkdown(day));
    }

    [Theory]
    [InlineData("2025-10-23", null)]
    [InlineData("2025-10-22", "medrxiv")]
    [InlineData("2025-10-22", "nonsense")]
    public void A_day_or_source_without_a_digest_is_null(string date, string? source) =>
        Assert.Null(_query.Find(DateOnly.Parse(date), source));

    [Fact]
    public async Task Every_format_writes_the_queried_day()
    {
        var day = _query.Find(new DateOnly(2025, 10, 22))!;

        foreach (var format in DayExportFormat.All)
        {
            using var output = new MemoryStream();
            await format.WriteAsync(day, output);
            var text = System.Text.Encoding.UTF8.GetString(output.ToArray());
            Assert.Contains("2510.00003", text, StringComparison.Ordinal);
            Assert.Equal($"2025-10-22.{format.Extension}", format.FileName(day));
        }
    }

    [Fact]
    public void A_paper_citation_comes_from_its_newest_translation()
    {
        var paper = new PaperCitationQuery(_database).Find("2510.00001")!;

        Assert.Equal(("2510.00001", "arxiv", "甲再现", (string?)null, "2025-10-22", "http://arxiv.org/pdf/2510.00001v1"),
            (paper.Key, paper.Kind, paper.Title, paper.TitleEn, paper.FirstSeen, paper.PdfUrl));
        Assert.Equal(["A One"], paper.Authors);
        Assert.Null(new PaperCitationQuery(_database).Find("2510.99999"));
    }

    [Theory]
    [InlineData("csv", "csv")]
    [InlineData("JSON", "json")]
    [InlineData("markdown", "md")]
    [InlineData("md", "md")]
    [InlineData("bibtex", "bib")]
    public void Formats_are_found_by_name(string name, string extension) =>
        Assert.Equal(extension, DayExportFormat.Find(name)!.Extension);

    [Theory]
    [InlineData("xml")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_formats_are_null(string? name) => Assert.Null(DayExportFormat.Find(name));
}
