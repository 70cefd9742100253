using System.Text.Json;
using System.Text.RegularExpressions;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Api;

/// <summary>
/// <c>/api/day/{date}</c> keeps the field names and values of the generator's own <c>api/daily/YYYY-MM-DD.json</c>.
/// The expected values are read straight from the real digest (the seed is the corpus file of 2025-10-22 arXiv)
/// by a deliberately simple reader, not by the importer.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class GeneratorShapeTests(DigestSite site)
{
    private static readonly string[] GeneratorFields =
        ["id", "date", "source", "title", "translated_title", "author", "pdf_url", "paper_url", "rank", "summary", "translated_summary"];

    [GeneratedRegex(@"^\[PDF\]\((?<url>[^)]+)\)$")]
    private static partial Regex PdfLink();

    [GeneratedRegex(@"/pdf/(?<id>\d{4}\.\d{4,5})v\d+$")]
    private static partial Regex ArxivPdf();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [Fact]
    public async Task Every_paper_of_the_real_day_matches_the_digest_field_by_field()
    {
        var expected = ReadRows(File.ReadAllText(Path.Combine(TestDigests.RepositoryRoot(), "seeds", "2025-10-22-arxiv.md")));
        var day = await site.GetJsonAsync("/api/day/2025-10-22");

        Assert.Equal("2025-10-22", day.GetProperty("date").GetString());
        Assert.Equal(expected.Count, day.GetProperty("count").GetInt32());
        Assert.Equal(expected.Count, day.GetProperty("sources").GetProperty("arxiv").GetInt32());
        var papers = day.GetProperty("papers").EnumerateArray().ToList();
        Assert.Equal(10, expected.Count);
        Assert.Equal(expected.Count, papers.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (paper, row) = (papers[i], expected[i]);
            foreach (var field in GeneratorFields.Concat(["key", "title_note", "authors", "days"]))
            {
                Assert.True(paper.TryGetProperty(field, out _), $"paper {i + 1} has no '{field}'");
            }

            var id = ArxivPdf().Match(row.PdfUrl).Groups["id"].Value;
            Assert.Equal(id, paper.GetProperty("id").GetString());
            Assert.Equal(id, paper.GetProperty("key").GetString());
            Assert.Equal("2025-10-22", paper.GetProperty("date").GetString());
            Assert.Equal("arxiv", paper.GetProperty("source").GetString());
            Assert.Equal(i + 1, paper.GetProperty("rank").GetInt32());
            Assert.Equal(row.Title, paper.GetProperty("translated_title").GetString());
            Assert.Equal(row.Title, paper.GetProperty("title").GetString()); // no English title in this digest
            Assert.Equal(Flat(row.Note), Flat(paper.GetProperty("title_note").GetString()));
            Assert.Equal(row.Author, paper.GetProperty("author").GetString());
            Assert.Equal(row.Author, paper.GetProperty("authors")[0].GetString());
            Assert.Equal(row.PdfUrl, paper.GetProperty("pdf_url").GetString());
            Assert.Equal("https://arxiv.org/abs/" + id, paper.GetProperty("paper_url").GetString());
            Assert.Equal(JsonValueKind.Null, paper.GetProperty("summary").ValueKind); // no English abstract either
            Assert.Equal(Flat(row.Abstract), Flat(paper.GetProperty("translated_summary").GetString()));
        }
    }

    private sealed record Row(string Title, string? Note, string Author, string PdfUrl, string Abstract);

    /// <summary>
    /// Rows of a <c>| 标题 | 作者 | PDF链接 |  摘要 |</c> table whose cells may span lines: a row starts with <c>| </c>
    /// and ends with <c> |</c>; the title cell's first line is the title and the rest its note.
    /// </summary>
    private static List<Row> ReadRows(string markdown)
    {
        var rows = new List<Row>();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var body = lines.SkipWhile(l => !l.StartsWith("|---", StringComparison.Ordinal) && !l.StartsWith("|------", StringComparison.Ordinal)).Skip(1);
        string? pending = null;
        foreach (var line in body)
        {
            pending = pending is null ? line : pending + "\n" + line;
            if (!pending.TrimEnd().EndsWith(" |", StringComparison.Ordinal) || pending.Trim() == "|")
            {
                continue;
            }

            var cells = pending.Trim()[2..^2].Split(" | ");
            Assert.Equal(4, cells.Length);
            var title = cells[0].Trim().Split('\n', 2);
            rows.Add(new Row(title[0].Trim(), title.Length > 1 ? title[1].Trim() : null, cells[1].Trim(),
                PdfLink().Match(cells[2].Trim()).Groups["url"].Value, cells[3].Trim()));
            pending = null;
        }

        return rows;
    }

    private static string? Flat(string? text) => text is null ? null : Space().Replace(text, " ").Trim();
}
