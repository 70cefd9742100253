using System.Text;
using Digest.Core.Import;
using Digest.Core.Papers;

namespace Digest.Core.Tests.Import;

/// <summary>Files that are not digests, or digests with a broken row: a clear problem, and never a lost good row.</summary>
public sealed class BadInputTests
{
    private const string GoodTable = """
        # arxiv 2025-10-22

        | 标题 | 作者 | PDF链接 |  摘要 |
        |------|------|--------|------|
        | 第一篇 | Ann Lee | [PDF](http://arxiv.org/pdf/2510.00001v1) | 摘要一。 |
        | 第二篇 | Bob Ray | [PDF](http://arxiv.org/pdf/2510.00002v1) | 摘要二。 |

        """;

    [Fact]
    public void A_binary_file_is_one_problem_on_line_1()
    {
        byte[] content = [.. Encoding.UTF8.GetBytes("# arxiv 2025-10-22\n"), 0x00, 0x01, 0x02, 0xFF];

        var parsed = DigestParser.Parse("2025-10-22-arxiv.md", content);

        Assert.Empty(parsed.Sections);
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Equal("2025-10-22-arxiv.md", problem.File);
        Assert.Contains("binary", problem.Message, StringComparison.Ordinal);
        Assert.Contains("offset 19", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_one_problem_on_line_1()
    {
        // A GBK-encoded heading: valid for GBK, invalid as UTF-8.
        byte[] content = [.. Encoding.UTF8.GetBytes(GoodTable), 0xB1, 0xEA, 0xCC, 0xE2, (byte)'\n'];

        var parsed = DigestParser.Parse("2025-10-22-arxiv.md", content);

        Assert.Empty(parsed.Sections);
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("not valid UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"offset {Encoding.UTF8.GetByteCount(GoodTable)}", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("index page", "# arXiv 按日期归档\n\n| 日期 | 页面 |\n|------|------|\n| 2026-08-21 | [查看](a.md) |\n")]
    [InlineData("html latest page", "# 最近更新\n\n<div class=\"paper-list\">\n<article><h3>标题</h3></article>\n</div>\n")]
    [InlineData("front matter only", "---\nhide:\n  - navigation\n  - toc\n---\n")]
    [InlineData("heading only", "# arxiv 2025-10-22\n")]
    public void A_file_without_a_digest_table_says_so(string what, string content)
    {
        var parsed = DigestParser.Parse("2025-10-22-arxiv.md", Encoding.UTF8.GetBytes(content));

        Assert.Empty(parsed.Sections);
        var problem = Assert.Single(parsed.Problems);
        Assert.True(problem.Message == DigestParser.NoDigestTableMessage, what);
        Assert.Equal(1, problem.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void An_empty_file_is_no_digest_and_no_problem(string content)
    {
        var parsed = DigestParser.Parse("2025-10-22-arxiv.md", Encoding.UTF8.GetBytes(content));

        Assert.False(parsed.HasDigest);
        Assert.Empty(parsed.Problems);
    }

    [Fact]
    public void An_unreadable_row_is_a_problem_with_line_and_raw_text_and_the_other_rows_come_through()
    {
        var broken = GoodTable.Replace(
            "| 第二篇 |",
            "| 坏行 | 只有两格 |\n| 第二篇 |",
            StringComparison.Ordinal);

        var parsed = DigestParser.Parse("2025-10-22-arxiv.md", Encoding.UTF8.GetBytes(broken));

        var section = Assert.Single(parsed.Sections);
        Assert.Equal(["第一篇", "第二篇"], section.Rows.Select(r => r.Title));
        Assert.Equal([5, 7], section.Rows.Select(r => r.Line));
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(6, problem.Line);
        Assert.Equal("| 坏行 | 只有两格 |", problem.RawText);
        Assert.Contains("no PDF cell", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_left_open_at_the_end_of_the_file_keeps_the_rows_before_it()
    {
        var truncated = GoodTable + "| 截断的行 | Cut Off | [PDF](http://arxiv.org/pdf/2510.00003v1) | 摘要还没写完";

        var parsed = DigestParser.Parse("2025-10-22-arxiv.md", Encoding.UTF8.GetBytes(truncated));

        var section = Assert.Single(parsed.Sections);
        Assert.Equal(["第一篇", "第二篇", "截断的行"], section.Rows.Select(r => r.Title));
        Assert.Equal("摘要还没写完", section.Rows[2].Abstract);
    }

    [Fact]
    public void A_dateless_file_takes_the_date_override()
    {
        var content = GoodTable.Replace("# arxiv 2025-10-22", "# Arxiv Papers", StringComparison.Ordinal);

        var without = DigestParser.Parse("arxiv_papers.md", Encoding.UTF8.GetBytes(content));
        var with = DigestParser.Parse("arxiv_papers.md", Encoding.UTF8.GetBytes(content), new DateOnly(2024, 10, 2));

        Assert.Empty(without.Sections);
        Assert.Equal(DigestParser.NoDateMessage, Assert.Single(without.Problems).Message);
        var section = Assert.Single(with.Sections);
        Assert.Equal(new DateOnly(2024, 10, 2), section.Date);
        Assert.Equal(Source.Arxiv, section.Source);
        Assert.Equal(2, section.Rows.Count);
    }

    [Fact]
    public void The_heading_date_wins_over_the_file_name_and_the_override()
    {
        var parsed = DigestParser.Parse("2024-01-01-medrxiv.md", Encoding.UTF8.GetBytes(GoodTable), new DateOnly(2020, 1, 1));

        var section = Assert.Single(parsed.Sections);
        Assert.Equal(new DateOnly(2025, 10, 22), section.Date);
        Assert.Equal(Source.Arxiv, section.Source);
        Assert.Equal(SectionKind.PerSource, section.Kind);
    }

    [Fact]
    public void A_table_whose_rows_are_all_unreadable_is_not_an_empty_day()
    {
        var content = "# arxiv 2025-10-22\n\n| 标题 | 作者 | PDF链接 |  摘要 |\n|------|------|--------|------|\n| 坏行 |\n";

        var parsed = DigestParser.Parse("2025-10-22-arxiv.md", Encoding.UTF8.GetBytes(content));

        var section = Assert.Single(parsed.Sections);
        Assert.Equal(DigestState.Papers, section.State);
        Assert.Empty(section.Rows);
        Assert.Equal(5, Assert.Single(parsed.Problems).Line);
    }
}
