using System.Text.Json;
using Digest.Core.Export;
using Digest.Core.Papers;
using static Digest.Core.Tests.Export.ExportSamples;

namespace Digest.Core.Tests.Export;

public sealed class DayJsonExporterTests
{
    [Fact]
    public void The_day_has_the_generators_top_level_fields()
    {
        var day = new DayExport(Date, null,
        [
            new SourceDigest(Source.Arxiv, DigestState.Papers, null, [Entry(1, "甲"), Entry(2, "乙", "2510.18874")]),
            new SourceDigest(Source.Medrxiv, DigestState.FetchFailed, "抓取失败：500", []),
        ]);

        using var json = Export(day);
        var root = json.RootElement;

        Assert.Equal(["date", "count", "sources", "states", "papers"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2025-10-22", root.GetProperty("date").GetString());
        Assert.Equal(2, root.GetProperty("count").GetInt32());
        Assert.Equal(2, root.GetProperty("sources").GetProperty("arxiv").GetInt32());
        Assert.Equal(0, root.GetProperty("sources").GetProperty("medrxiv").GetInt32());
        Assert.Equal("fetch_failed", root.GetProperty("states").GetProperty("medrxiv").GetString());
        Assert.Equal(2, root.GetProperty("papers").GetArrayLength());
    }

    [Fact]
    public void A_paper_keeps_the_generators_field_names_with_ours_beside_them()
    {
        var entry = Entry(1, "抓取任意区域") with { TitleNote = "（注）", Days = [Date, Date.AddDays(1)] };

        using var json = Export(OneSource([entry]));
        var paper = json.RootElement.GetProperty("papers")[0];

        Assert.Equal(
            ["id", "date", "source", "title", "translated_title", "author", "pdf_url", "paper_url", "rank", "summary", "translated_summary",
                "key", "title_note", "authors", "days", "published", "code_url", "flags"],
            paper.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2510.18876", paper.GetProperty("id").GetString());
        Assert.Equal("抓取任意区域", paper.GetProperty("title").GetString());
        Assert.Equal("抓取任意区域", paper.GetProperty("translated_title").GetString());
        Assert.Equal("Haochen Wang", paper.GetProperty("author").GetString());
        Assert.Equal("https://arxiv.org/abs/2510.18876", paper.GetProperty("paper_url").GetString());
        Assert.Equal(1, paper.GetProperty("rank").GetInt32());
        Assert.Equal(JsonValueKind.Null, paper.GetProperty("summary").ValueKind);
        Assert.Equal("摘要。", paper.GetProperty("translated_summary").GetString());
        Assert.Equal("（注）", paper.GetProperty("title_note").GetString());
        Assert.Equal(["2025-10-22", "2025-10-23"], paper.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public void The_english_title_and_abstract_are_the_generators_title_and_summary()
    {
        var entry = Awkward()[3];

        using var json = Export(OneSource([entry]));
        var paper = json.RootElement.GetProperty("papers")[0];

        Assert.Equal(entry.TitleEn, paper.GetProperty("title").GetString());
        Assert.Equal(entry.Title, paper.GetProperty("translated_title").GetString());
        Assert.Equal(entry.AbstractEn, paper.GetProperty("summary").GetString());
    }

    [Fact]
    public void Unlinked_and_doi_papers_get_the_right_paper_url_and_chinese_stays_unescaped()
    {
        var day = OneSource([Entry(1, "无链接", "h-0011223344556677"), Entry(2, "生物", "10.1101/2024.12.26.24319649") with { Source = Source.Biorxiv }]);

        var text = System.Text.Encoding.UTF8.GetString(Bytes(day));
        using var json = JsonDocument.Parse(text);
        var papers = json.RootElement.GetProperty("papers");

        Assert.Equal(JsonValueKind.Null, papers[0].GetProperty("paper_url").ValueKind);
        Assert.Equal("https://doi.org/10.1101/2024.12.26.24319649", papers[1].GetProperty("paper_url").GetString());
        Assert.Contains("无链接", text, StringComparison.Ordinal);
    }

    private static JsonDocument Export(DayExport day) => JsonDocument.Parse(Bytes(day));

    private static byte[] Bytes(DayExport day)
    {
        using var output = new MemoryStream();
        new DayJsonExporter().Write(day, output);
        return output.ToArray();
    }
}
