using Digest.Core.Export;
using Digest.Core.Papers;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using static Digest.Core.Tests.Export.ExportSamples;

namespace Digest.Core.Tests.Export;

public sealed class DayMarkdownExporterTests
{
    private readonly DayMarkdownExporter _exporter = new();

    [Fact]
    public void One_source_is_a_per_source_page_in_the_2025_format()
    {
        var entry = Entry(1, "抓取任意区域") with { TitleNote = "（注：译注）" };

        var markdown = _exporter.ToMarkdown(OneSource([entry]));

        Assert.Equal("""
            # arXiv 2025-10-22

            | 标题 | 作者 | PDF链接 |  摘要 |
            |------|------|--------|------|
            | 抓取任意区域

            （注：译注） | Haochen Wang | [PDF](http://arxiv.org/pdf/2510.18876v1) | 摘要。 |

            """.Replace("\r\n", "\n", StringComparison.Ordinal), markdown);
    }

    [Fact]
    public void Several_sources_make_a_combined_page_with_the_index_and_a_section_each()
    {
        var day = new DayExport(Date, null,
        [
            new SourceDigest(Source.Arxiv, DigestState.Papers, null, [Entry(1, "甲")]),
            new SourceDigest(Source.Biorxiv, DigestState.NoPapers, "当天没有抓取到有效论文。", []),
            new SourceDigest(Source.Medrxiv, DigestState.FetchFailed, "抓取失败：500 Server Error", []),
        ]);

        var markdown = _exporter.ToMarkdown(day);

        Assert.StartsWith("""
            # 2025-10-22 每日论文

            | 来源 | 独立页面 |
            |------|----------|
            | arXiv | [arXiv](2025-10-22-arxiv.md) |
            | bioRxiv | [bioRxiv](2025-10-22-biorxiv.md) |
            | medRxiv | [medRxiv](2025-10-22-medrxiv.md) |

            ## arXiv

            | 标题 | 作者 | PDF链接 |  摘要 |
            """.Replace("\r\n", "\n", StringComparison.Ordinal), markdown);
        Assert.EndsWith("""
            ## bioRxiv

            > 当天没有抓取到有效论文。

            ## medRxiv

            > 抓取失败：500 Server Error

            """.Replace("\r\n", "\n", StringComparison.Ordinal), markdown);
    }

    [Fact]
    public void An_empty_day_keeps_its_form_the_note_when_the_digest_said_it_else_a_header_only_table()
    {
        var said = new DayExport(Date, Source.Biorxiv, [new SourceDigest(Source.Biorxiv, DigestState.NoPapers, "当天没有抓取到有效论文。", [])]);
        var headerOnly = new DayExport(Date, Source.Biorxiv, [new SourceDigest(Source.Biorxiv, DigestState.NoPapers, null, [])]);

        Assert.Equal("# bioRxiv 2025-10-22\n\n> 当天没有抓取到有效论文。\n", _exporter.ToMarkdown(said));
        var table = Read(_exporter.ToMarkdown(headerOnly)).Single();
        Assert.Equal(["标题", "作者", "PDF链接", "摘要"], table.Header);
        Assert.Empty(table.Rows);
    }

    [Theory]
    [InlineData(null, "> 抓取失败：未知原因")]
    [InlineData("timeout", "> 抓取失败：timeout")]
    [InlineData("抓取失败：line one\nline two", "> 抓取失败：line one line two")]
    public void A_failed_fetch_keeps_its_note_on_one_line(string? note, string expected)
    {
        var day = new DayExport(Date, Source.Biorxiv, [new SourceDigest(Source.Biorxiv, DigestState.FetchFailed, note, [])]);

        Assert.Equal($"# bioRxiv 2025-10-22\n\n{expected}\n", _exporter.ToMarkdown(day));
    }

    [Fact]
    public void Optional_columns_appear_only_when_an_entry_has_them()
    {
        var plain = Read(_exporter.ToMarkdown(OneSource([Entry(1, "甲")])));
        var full = Read(_exporter.ToMarkdown(OneSource(Awkward())));

        Assert.Equal(["标题", "作者", "PDF链接", "摘要"], plain.Single().Header);
        Assert.Equal(["标题", "作者", "发布日期", "PDF链接", "代码链接", "摘要", "Title", "Abstract"], full.Single().Header);
    }

    [Fact]
    public void Every_cell_reads_back_exactly_pipes_newlines_and_all()
    {
        var entries = Awkward();

        var rows = Read(_exporter.ToMarkdown(OneSource(entries))).Single().Rows;

        Assert.Equal(entries.Count, rows.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var expectedTitle = e.TitleNote is null ? e.Title : e.Title + "\n\n" + e.TitleNote;
            Assert.Equal(
                [expectedTitle, string.Join(", ", e.Authors), e.Published ?? "", e.PdfUrl is null ? "PDF缺失" : $"[PDF]({e.PdfUrl})",
                    e.CodeUrl ?? "N/A", e.Abstract ?? "", e.TitleEn ?? "", e.AbstractEn?.Replace("\r\n", "\n", StringComparison.Ordinal) ?? ""],
                rows[i]);
        }
    }

    [Fact]
    public void Pipes_are_escaped_the_2026_way_and_a_latex_norm_keeps_its_backslash()
    {
        var entry = Entry(1, "a | b") with { Abstract = @"范数 \|x\| 结束" };

        var markdown = _exporter.ToMarkdown(OneSource([entry]));

        Assert.Contains(@"| a \| b |", markdown, StringComparison.Ordinal);
        Assert.Contains(@"| 范数 \\|x\\| 结束 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_columns_are_written_under_their_own_header()
    {
        var entry = Entry(1, "甲") with { Extra = new Dictionary<string, string> { ["Summary"] = "keywords, here" } };

        var table = Read(_exporter.ToMarkdown(OneSource([entry]))).Single();

        Assert.Equal("Summary", table.Header[^1]);
        Assert.Equal("keywords, here", table.Rows[0][^1]);
    }

    [Fact]
    public void Single_line_rows_are_a_valid_pipe_table_for_markdig()
    {
        var entries = new[] { Entry(1, "管道 | 标题"), Entry(2, "无链接", "h-0011223344556677") with { Authors = [] } };
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

        var document = Markdown.Parse(_exporter.ToMarkdown(OneSource(entries)), pipeline);

        var table = document.Descendants<Table>().Single();
        var rows = table.OfType<TableRow>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal(4, row.Count));
        Assert.Equal("管道 | 标题", CellText(rows[1][0]));
        Assert.Equal("PDF缺失", CellText(rows[2][2]));
    }

    private static List<ExportedTableReader.Table> Read(string markdown) => ExportedTableReader.Read(markdown);

    private static string CellText(Block cell) =>
        string.Concat(cell.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()));
}
