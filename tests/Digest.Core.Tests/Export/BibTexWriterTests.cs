using Digest.Core.Export;
using Digest.Core.Tests.Bookmarks;

namespace Digest.Core.Tests.Export;

public sealed class BibTexWriterTests
{
    private static BibTexPaper Arxiv(string key = "2510.18876", string title = "抓取任意区域", string? titleEn = null) =>
        new(key, "arxiv", title, titleEn, ["Haochen Wang"], "2025-10-22", $"http://arxiv.org/pdf/{key}v1");

    [Fact]
    public void An_arxiv_paper_is_a_misc_entry_with_its_eprint()
    {
        Assert.Equal("""
            @misc{arxiv:2510.18876,
              title = {{抓取任意区域}},
              author = {Haochen Wang},
              year = {2025},
              eprint = {2510.18876},
              archivePrefix = {arXiv},
              url = {https://arxiv.org/abs/2510.18876}
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal), BibTexWriter.Entry(Arxiv()));
    }

    [Fact]
    public void A_doi_paper_gets_its_doi_and_the_year_its_doi_names()
    {
        var paper = new BibTexPaper("10.1101/2024.12.26.24319649", "doi", "基因组多样性", "Genomic diversity", ["Alves, J. M."], "2025-01-01", null);

        var entry = BibTexWriter.Entry(paper);

        Assert.StartsWith("@misc{doi:10.1101/2024.12.26.24319649,\n", entry);
        Assert.Contains("  title = {{Genomic diversity}},\n", entry);
        Assert.Contains("  author = {Alves, J. M.},\n", entry);
        Assert.Contains("  year = {2024},\n", entry);
        Assert.Contains("  doi = {10.1101/2024.12.26.24319649},\n", entry);
        Assert.Contains("  url = {https://doi.org/10.1101/2024.12.26.24319649},\n", entry);
        Assert.Contains("  note = {基因组多样性}\n", entry);
    }

    [Fact]
    public void Tex_specials_cannot_break_out_of_the_braces()
    {
        var entry = BibTexWriter.Entry(Arxiv(title: "50% of $x_1$ & {y} #1 ^ ~ \\end}\n@misc{evil,"));

        const string Title = @"50\% of \$x\_1\$ \& \textbraceleft{}y\textbraceright{} \#1 \textasciicircum{} \textasciitilde{} \textbackslash{}end\textbraceright{} @misc\textbraceleft{}evil,";
        Assert.Contains("  title = {{" + Title + "}},", entry);
        Assert.Equal(entry.Count(c => c == '{'), entry.Count(c => c == '}'));
        var read = Assert.Single(BibTexReader.Read(entry));
        Assert.Equal("{" + Title + "}", read.Fields["title"]);
        Assert.Equal("2510.18876", read.Fields["eprint"]);
    }

    [Fact]
    public void Keys_in_doi_and_url_fields_are_percent_encoded()
    {
        var entry = BibTexWriter.Entry(new BibTexPaper("10.1000/a}b{c\\d%e#f\"g h^é", "doi", "t", null, [], "2025-01-01", null));

        Assert.Contains("  doi = {10.1000/a%7Db%7Bc%5Cd%25e%23f%22g%20h%5E%C3%A9},\n", entry);
        Assert.Contains("  url = {https://doi.org/10.1000/a%7Db%7Bc%5Cd%25e%23f%22g%20h%5E%C3%A9}\n", entry);
        Assert.Equal("@misc{doi:10.1000/a-b-c-d-e-f-g-h--,", entry.Split('\n')[0]);
    }

    [Fact]
    public void An_unlinked_paper_gets_its_http_pdf_link_with_existing_escapes_kept()
    {
        static BibTexPaper Hash(string? pdf) => new("h-a", "hash", "甲", null, [], "2024-09-04", pdf);

        Assert.Contains("  url = {https://example.org/a%20b%7D%25zz.pdf?x=1#page=2%234}\n", BibTexWriter.Entry(Hash(" https://example.org/a%20b}%zz.pdf?x=1#page=2#4 ")));
        Assert.DoesNotContain("url", BibTexWriter.Entry(Hash("javascript:alert(1)")), StringComparison.Ordinal);
        Assert.DoesNotContain("url", BibTexWriter.Entry(Hash("  ")), StringComparison.Ordinal);
        Assert.DoesNotContain("url", BibTexWriter.Entry(Hash(null)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_publication_date_gives_the_year_when_the_key_names_none()
    {
        var doi = new BibTexPaper("10.1000/xyz", "doi", "t", null, [], "2025-01-01", null);

        Assert.Equal(2023, BibTexWriter.Year(doi with { Published = "2023-12-30" }));
        Assert.Equal(2025, BibTexWriter.Year(doi with { Published = "Dec 2023" }));
        Assert.Equal(2025, BibTexWriter.Year(doi with { Published = "123456" }));
        Assert.Equal(2025, BibTexWriter.Year(doi));
        Assert.Equal(2025, BibTexWriter.Year(Arxiv() with { Published = "2019-01-01" }));
        Assert.Equal(2024, BibTexWriter.Year(new BibTexPaper("10.1101/2024.12.26.24319649", "doi", "t", null, [], "2025-01-01", null, "2025-02-01")));
    }

    [Fact]
    public void Old_style_ids_give_ascii_keys_and_their_own_year()
    {
        var paper = Arxiv("q-bio/0608002");

        Assert.Equal("arxiv:q-bio/0608002", BibTexWriter.CitationKey(paper));
        Assert.Equal(2006, BibTexWriter.Year(paper));
        Assert.Equal("digest:h-00ff--", BibTexWriter.CitationKey(new BibTexPaper("h-00ff中文", "hash", "甲", null, [], "2024-09-04", null)));
    }

    [Fact]
    public void A_day_lists_each_paper_once_with_unique_keys()
    {
        var papers = new[]
        {
            Arxiv(), Arxiv() with { Authors = ["Someone Else"] }, Arxiv("2510.18874"),
            new BibTexPaper("h-a", "hash", "甲", null, [], "2024-09-04", null), new BibTexPaper("h\u00e9a", "hash", "乙", null, [], "2024-09-04", null),
        };

        var text = BibTexWriter.Write(papers);

        var keys = text.Split('\n').Where(l => l.StartsWith("@misc{", StringComparison.Ordinal)).Select(l => l[6..^1]).ToList();
        Assert.Equal(["arxiv:2510.18876", "arxiv:2510.18874", "digest:h-a", "digest:h-a-2"], keys);
        Assert.All(keys, k => Assert.True(k.All(char.IsAscii)));
    }

    [Fact]
    public void A_name_with_the_word_and_stays_one_author()
    {
        var entry = BibTexWriter.Entry(Arxiv() with { Authors = ["Smith and Sons Lab", "Ann Lee"] });

        Assert.Contains("  author = {{Smith and Sons Lab} and Ann Lee},\n", entry);
    }

    [Fact]
    public void Et_al_becomes_bibtex_others()
    {
        var entry = BibTexWriter.Entry(Arxiv() with { Authors = ["Ann Lee", " et  al. ", "…", "", "Bo Li"] });

        Assert.Contains("  author = {Ann Lee and others and others and Bo Li},\n", entry);
    }
}
