using Digest.Core.Bookmarks;
using Digest.Core.Export;
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
            @misc{arxiv:2510.18876,
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

        Assert.Equal(("misc", "doi:10.1101/2025.10.20.683456"), (entry.Type, entry.Key));
        Assert.Equal("10.1101/2025.10.20.683456", entry.Fields["doi"]);
        Assert.Equal("https://doi.org/10.1101/2025.10.20.683456", entry.Fields["url"]);
        Assert.Equal("Ana Müller", entry.Fields["author"]);
        Assert.Equal("{单细胞图谱}", entry.Fields["title"]);
        Assert.Equal("2025", entry.Fields["year"]);
        Assert.False(entry.Fields.ContainsKey("eprint"));
        Assert.False(entry.Fields.ContainsKey("archivePrefix"));
    }

    [Fact]
    public void Papers_come_newest_bookmark_first_with_unique_keys()
    {
        _world.Store.Add(_reader, Paper(ArxivKey));
        _world.Clock.Advance(TimeSpan.FromSeconds(1));
        _world.Store.Add(_reader, Paper(DoiKey));

        var entries = BibTexReader.Read(_world.Store.ExportBibTex(_reader));

        Assert.Equal(["doi:10.1101/2025.10.20.683456", "arxiv:2510.18876"], entries.Select(e => e.Key));
    }

    [Fact]
    public void Special_characters_are_escaped_so_every_field_keeps_balanced_braces()
    {
        var hostile = new BibTexPaper(
            "2510.00001",
            "arxiv",
            "中文 {",
            "Costs of 100% {unbalanced} \\input{x} a_b & c $d$ #1 ^ ~ } {",
            ["Jean-Émile Dupont", "Tom and Jerry Lab", "R&D }{ Team", "et al."],
            "2025-10-22",
            null);

        var entry = Assert.Single(BibTexReader.Read(BibTexWriter.Write([hostile])));

        Assert.Equal(
            @"{Costs of 100\% \textbraceleft{}unbalanced\textbraceright{} \textbackslash{}input\textbraceleft{}x\textbraceright{} a\_b \& c \$d\$ \#1 \textasciicircum{} \textasciitilde{} \textbraceright{} \textbraceleft{}}",
            entry.Fields["title"]);
        Assert.Equal(@"Jean-Émile Dupont and {Tom and Jerry Lab} and R\&D \textbraceright{}\textbraceleft{} Team and others", entry.Fields["author"]);
        Assert.Equal(@"中文 \textbraceleft{}", entry.Fields["note"]);
        Assert.Equal("arxiv:2510.00001", entry.Key);
        Assert.Matches("^[A-Za-z0-9:._/-]+$", entry.Key);
    }

    [Fact]
    public void A_hostile_link_and_key_stay_inside_their_fields()
    {
        var hostile = new BibTexPaper("h-1}{\\x", "hash", "标题", null, ["A } B"], "2025-10-22", "https://example.org/a b}{\\%zz%20?q=1#x#y");

        var entry = Assert.Single(BibTexReader.Read(BibTexWriter.Write([hostile])));

        Assert.Equal("https://example.org/a%20b%7D%7B%5C%25zz%20?q=1#x%23y", entry.Fields["url"]);
        Assert.Equal(@"A \textbraceright{} B", entry.Fields["author"]);
        Assert.Equal("digest:h-1---x", entry.Key);
        Assert.Equal(["title", "author", "year", "url"], entry.Fields.Keys);
    }

    [Fact]
    public void Citation_keys_are_ascii_and_unique_when_paper_keys_look_alike()
    {
        static BibTexPaper Paper(string key, string author) => new(
            key,
            key.StartsWith("10.", StringComparison.Ordinal) ? "doi" : "arxiv",
            "标题",
            "Learning to learn",
            [author],
            "2025-10-22",
            null,
            Published: "2024-05-01");

        var entries = BibTexReader.Read(BibTexWriter.Write([
            Paper("10.1101/x y", "Zoë Ngô"), Paper("10.1101/X-Y", "Zoe Ngo"), Paper("10.1101/x\u2013y", "Ngo, Zoe"), Paper("2405.00004", "王小明"),
        ]));

        Assert.Equal(["doi:10.1101/x-y", "doi:10.1101/X-Y-2", "doi:10.1101/x-y-3", "arxiv:2405.00004"], entries.Select(e => e.Key));
        Assert.All(entries, e => Assert.Matches("^[A-Za-z0-9:._/-]+$", e.Key));
        Assert.Equal(entries.Count, entries.Select(e => e.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("{Learning to learn}", entries[0].Fields["title"]);
        Assert.Equal("Zoë Ngô", entries[0].Fields["author"]);
        Assert.Equal("王小明", entries[3].Fields["author"]);
        Assert.Equal("2024", entries[2].Fields["year"]);
        Assert.Equal("10.1101/x%E2%80%93y", entries[2].Fields["doi"]);
    }

    [Fact]
    public void A_doi_with_braces_or_percent_stays_one_field()
    {
        var odd = new BibTexPaper("10.1000/a}b%c", "doi", "t", null, [], "2025-10-22", null);

        var entry = Assert.Single(BibTexReader.Read(BibTexWriter.Write([odd])));

        Assert.Equal("10.1000/a%7Db%25c", entry.Fields["doi"]);
        Assert.Equal("https://doi.org/10.1000/a%7Db%25c", entry.Fields["url"]);
        Assert.Equal("doi:10.1000/a-b-c", entry.Key);
        Assert.False(entry.Fields.ContainsKey("author"));
    }
}
