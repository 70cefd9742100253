using Digest.Core.Bookmarks;
using static Digest.Core.Tests.Bookmarks.BookmarkWorld;

namespace Digest.Core.Tests.Bookmarks;

public sealed class BibTexExportTests : IDisposable
{
    private readonly BookmarkWorld _world = new();
    private readonly ReaderHash _reader = ReaderId.Create().Hash;

    public void Dispose() => _world.Dispose();

    [Fact]
    public void An_arxiv_paper_is_a_misc_entry_with_eprint_archive_prefix_and_url()
    {
        _world.Store.Add(_reader, Paper(ArxivKey));

        var bibtex = _world.Store.ExportBibTex(_reader);

        Assert.Equal("""
            @misc{wang2025,
              title = {{抓取任意区域：迈向多模态大语言模型的精准上下文像素理解}},
              author = {Haochen Wang},
              year = {2025},
              eprint = {2510.18876},
              archivePrefix = {arXiv},
              url = {https://arxiv.org/abs/2510.18876}
            }

            """.ReplaceLineEndings("\n"), bibtex);
    }

    [Fact]
    public void A_doi_paper_has_its_doi_and_doi_url_and_days_are_left_out()
    {
        _world.Store.Add(_reader, Paper(DoiKey));
        _world.Store.Add(_reader, Day22);

        var entry = Assert.Single(BibTexReader.Read(_world.Store.ExportBibTex(_reader)));

        Assert.Equal(("misc", "muller2025"), (entry.Type, entry.Key));
        Assert.Equal("10.1101/2025.10.20.683456", entry.Fields["doi"]);
        Assert.Equal("https://doi.org/10.1101/2025.10.20.683456", entry.Fields["url"]);
        Assert.Equal("Ana Müller", entry.Fields["author"]);
        Assert.Equal("{单细胞图谱}", entry.Fields["title"]);
        Assert.False(entry.Fields.ContainsKey("eprint"));
    }

    [Fact]
    public void Papers_come_newest_bookmark_first_with_unique_keys()
    {
        _world.Store.Add(_reader, Paper(ArxivKey));
        _world.Clock.Advance(TimeSpan.FromSeconds(1));
        _world.Store.Add(_reader, Paper(DoiKey));

        var entries = BibTexReader.Read(_world.Store.ExportBibTex(_reader));

        Assert.Equal(["muller2025", "wang2025"], entries.Select(e => e.Key));
    }

    [Fact]
    public void Special_characters_are_escaped_so_every_field_keeps_balanced_braces()
    {
        var hostile = new BibTexPaper
        {
            Key = "2510.00001",
            Kind = "arxiv",
            Title = "中文",
            TitleEnglish = "Costs of 100% {unbalanced} \\input{x} a_b & c $d$ #1 ^ ~ } {",
            AuthorsJson = """["Jean-Émile Dupont", "Tom and Jerry Lab", "R&D }{ Team", "et al."]""",
            FirstSeen = "2025-10-22",
        };

        var entry = Assert.Single(BibTexReader.Read(BibTexWriter.Write([hostile])));

        Assert.Equal(
            @"{Costs of 100\% \textbraceleft{}unbalanced\textbraceright{} \textbackslash{}input\textbraceleft{}x\textbraceright{} a\_b \& c \$d\$ \#1 \textasciicircum{} \textasciitilde{} \textbraceright{} \textbraceleft{}}",
            entry.Fields["title"]);
        Assert.Equal(@"Jean-Émile Dupont and {Tom and Jerry Lab} and R\&D \textbraceright{}\textbraceleft{} Team and others", entry.Fields["author"]);
        Assert.Equal("dupont2025costs", entry.Key);
        Assert.Matches("^[a-z0-9]+$", entry.Key);
    }

    [Fact]
    public void Citation_keys_are_ascii_and_unique_when_papers_share_author_year_and_word()
    {
        BibTexPaper Paper(string key, string author) => new()
        {
            Key = key,
            Kind = key.StartsWith("10.", StringComparison.Ordinal) ? "doi" : "arxiv",
            Title = "标题",
            TitleEnglish = "Learning to learn",
            AuthorsJson = $"[\"{author}\"]",
            Published = "2024-05-01",
        };

        var entries = BibTexReader.Read(BibTexWriter.Write([
            Paper("2405.00001", "Zoë Ngô"), Paper("2405.00002", "Zoe Ngo"), Paper("10.1101/x", "Ngo, Zoe"), Paper("2405.00004", "王小明"),
        ]));

        Assert.Equal(["ngo2024learning", "ngo2024learninga", "ngo2024learningb", "paper240500004"], entries.Select(e => e.Key));
        Assert.Equal("{Learning to learn}", entries[0].Fields["title"]);
        Assert.Equal("2024", entries[2].Fields["year"]);
    }

    [Fact]
    public void A_doi_with_braces_or_percent_stays_one_field()
    {
        var odd = new BibTexPaper { Key = "10.1000/a}b%c", Kind = "doi", Title = "t", AuthorsJson = "[]" };

        var entry = Assert.Single(BibTexReader.Read(BibTexWriter.Write([odd])));

        Assert.Equal("10.1000/a%7Db%25c", entry.Fields["doi"]);
        Assert.Equal("https://doi.org/10.1000/a%7Db%25c", entry.Fields["url"]);
        Assert.Equal("paper101000abc", entry.Key);
    }
}
