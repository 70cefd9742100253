using System.Net;
using System.Text;
using System.Text.Json;
using Digest.Core.Export;
using Digest.Core.Import;
using Digest.Core.Storage;
using Digest.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Digest.Web.Tests.Exports;

public sealed class ExportTests(ExportSite site) : IClassFixture<ExportSite>, IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("digest-export-tests-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_temp, recursive: true);
    }

    [Theory]
    [InlineData("/day/2025-10-22.md", "2025-10-22", null)]
    [InlineData("/day/2025-10-23.md", "2025-10-23", null)]
    [InlineData("/day/2025-10-23/biorxiv.md", "2025-10-23", "biorxiv")]
    [InlineData("/day/2025-09-01/arxiv.md", ExportSite.AwkwardDate, "arxiv")]
    public async Task The_markdown_export_imports_back_into_an_empty_database_as_the_same_entries(string url, string date, string? source)
    {
        using var response = await site.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{date}{(source is null ? "" : "-" + source)}.md", response.Content.Headers.ContentDisposition?.FileName);
        var file = Path.Combine(_temp, $"{date}{(source is null ? "" : "-" + source)}.md");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());

        var empty = new Database(Path.Combine(_temp, "b.db"));
        var report = new Importer(empty).Import([file]);
        Assert.Empty(report.Problems);

        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var before = new DayExportQuery(new Database(site.DatabasePath)).Find(day, source)!;
        var after = new DayExportQuery(empty).Find(day, source)!;
        Assert.Equal(before.Digests.Select(d => (d.Source, d.State, d.Entries.Count)), after.Digests.Select(d => (d.Source, d.State, d.Entries.Count)));
        Assert.NotEmpty(before.Entries);
        Assert.Equal(before.Entries.Select(Fields), after.Entries.Select(Fields));
    }

    [Fact]
    public async Task Csv_has_the_columns_and_quotes_commas_quotes_and_newlines()
    {
        using var response = await site.Client.GetAsync($"/day/{ExportSite.AwkwardDate}.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);

        var records = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(DayExportCsvHeader, records[0]);
        Assert.Equal(3, records.Count);
        var first = records[0].Zip(records[1]).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal("2025-09-01", first["date"]);
        Assert.Equal("1", first["rank"]);
        Assert.Equal("2509.00001", first["key"]);
        Assert.Equal("逗号, \"引号\" 与换行", first["title"]);
        Assert.Equal("（注：译注里也有, 逗号。）", first["title_note"]);
        Assert.Equal("Alves, J. M.", first["authors"]);
        Assert.Equal("第一段, 有逗号和 \"引号\"。\n\n第二段：a \"quoted, word\" here.", first["abstract"]);
        Assert.Equal("http://arxiv.org/pdf/2509.00001v1", first["pdf_url"]);
        Assert.Equal("只有一段。", records[2][Array.IndexOf(DayExportCsvHeader, "abstract")]);
    }

    [Fact]
    public async Task Json_and_bibtex_exports_download_with_file_names()
    {
        using var json = await site.Client.GetAsync("/day/2025-10-22.json");
        using var bib = await site.Client.GetAsync("/day/2025-10-22/arxiv.bib");

        Assert.Equal("2025-10-22.json", json.Content.Headers.ContentDisposition?.FileName);
        using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal(10, document.RootElement.GetProperty("count").GetInt32());
        Assert.Equal("2025-10-22-arxiv.bib", bib.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("application/x-bibtex", bib.Content.Headers.ContentType?.MediaType);
        var text = await bib.Content.ReadAsStringAsync();
        Assert.Equal(10, text.Split("@misc{").Length - 1);
        Assert.Contains("@misc{arxiv:2510.18876,", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/paper/2510.18876.bib", "@misc{arxiv:2510.18876,")]
    [InlineData("/paper/2510.18876v1.bib", "@misc{arxiv:2510.18876,")]
    [InlineData("/paper/" + TestDigests.DoiKey + ".bib", "@misc{doi:" + TestDigests.DoiKey + ",")]
    public async Task A_papers_bibtex_is_one_entry(string url, string start)
    {
        using var response = await site.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-bibtex", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(start, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/day/2025-10-22.xlsx", 400)]
    [InlineData("/day/2025-10-22/arxiv.exe", 400)]
    [InlineData("/day/2025-13-45.csv", 400)]
    [InlineData("/day/yesterday.md", 400)]
    [InlineData("/day/2025-10-22/nowhere.csv", 400)]
    [InlineData("/day/2024-01-01.csv", 404)]
    [InlineData("/day/2025-10-22/medrxiv.json", 404)]
    [InlineData("/paper/0000.00000.bib", 404)]
    [InlineData("/paper/10.1101/nothing.bib", 404)]
    public async Task Unknown_days_papers_and_formats_are_problem_details(string url, int status)
    {
        using var response = await site.Client.GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_day_and_paper_pages_link_their_downloads()
    {
        var day = await site.GetDocumentAsync("/day/2025-10-22/arxiv");
        var paper = await site.GetDocumentAsync("/paper/2510.18876");

        var links = day.QuerySelectorAll(".exports a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/day/2025-10-22/arxiv.csv", links);
        Assert.Contains("/day/2025-10-22/arxiv.json", links);
        Assert.Contains("/day/2025-10-22/arxiv.md", links);
        Assert.Contains("/day/2025-10-22/arxiv.bib", links);
        Assert.Equal("/paper/2510.18876.bib", paper.QuerySelector("a[data-copy-bibtex]")?.GetAttribute("href"));
        foreach (var href in links.Concat(["/paper/2510.18876.bib"]))
        {
            using var response = await site.Client.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static readonly string[] DayExportCsvHeader = [.. DayCsvExporter.Header];

    private static string Fields(ExportEntry e) => JsonSerializer.Serialize(new
    {
        e.Date,
        e.Source,
        e.Rank,
        e.Key,
        e.Title,
        e.TitleNote,
        e.Authors,
        e.PdfUrl,
        e.CodeUrl,
        e.TitleEn,
        e.Abstract,
        e.AbstractEn,
        e.Published,
    });

    /// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes, CR and LF; records end with CRLF.</summary>
    private static class Csv
    {
        public static List<string[]> Parse(string text)
        {
            var records = new List<string[]>();
            var record = new List<string>();
            var field = new StringBuilder();
            var i = 0;
            while (i < text.Length)
            {
                if (text[i] == '"' && field.Length == 0)
                {
                    for (i++; ; i++)
                    {
                        if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i++;
                        }
                        else if (text[i] == '"')
                        {
                            i++;
                            break;
                        }
                        else
                        {
                            field.Append(text[i]);
                        }
                    }
                }
                else if (text[i] == ',')
                {
                    record.Add(field.ToString());
                    field.Clear();
                    i++;
                }
                else if (text[i] == '\r' && text[i + 1] == '\n')
                {
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add([.. record]);
                    record.Clear();
                    i += 2;
                }
                else
                {
                    Assert.False(text[i] is '"' or '\r' or '\n', $"an unquoted field holds {(int)text[i]} at {i}");
                    field.Append(text[i++]);
                }
            }

            Assert.Empty(record);
            return records;
        }
    }
}
