using Digest.Core.Export;

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
              title = {抓取任意区域},
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
        Assert.Contains("  title = {Genomic diversity},\n", entry);
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

        Assert.Contains(@"  title = {50\% of \$x\_1\$ \& \{y\} \#1 \^{} \~{} \textbackslash{}end\} @misc\{evil,},", entry);
        Assert.Equal(entry.Count(c => c == '{') - Escaped(entry, '{'), entry.Count(c => c == '}') - Escaped(entry, '}'));
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

    private static int Escaped(string text, char brace) => text.Split("\\" + brace).Length - 1;
}
