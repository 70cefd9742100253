using System.Text;
using Digest.Core.Export;
using static Digest.Core.Tests.Export.ExportSamples;

namespace Digest.Core.Tests.Export;

public sealed class DayCsvExporterTests
{
    [Fact]
    public void The_file_starts_with_a_utf8_bom_and_the_header()
    {
        var bytes = Export(OneSource([Entry(1, "甲")]));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("date,source,rank,key,title,title_note,authors,pdf_url,code_url,title_en,abstract,abstract_en,published,flags\r\n", text);
    }

    [Fact]
    public void Commas_quotes_and_newlines_inside_fields_survive_a_strict_reader()
    {
        var entries = Awkward();

        var records = CsvReader.Read(Encoding.UTF8.GetString(Export(OneSource(entries))[3..]));

        Assert.Equal(entries.Count + 1, records.Count);
        Assert.All(records, r => Assert.Equal(14, r.Count));
        var header = records[0];
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var row = header.Zip(records[i + 1]).ToDictionary(p => p.First, p => p.Second);
            Assert.Equal("2025-10-22", row["date"]);
            Assert.Equal("arxiv", row["source"]);
            Assert.Equal((i + 1).ToString(), row["rank"]);
            Assert.Equal(e.Key, row["key"]);
            Assert.Equal(e.Title, row["title"]);
            Assert.Equal(e.TitleNote ?? "", row["title_note"]);
            Assert.Equal(string.Join("; ", e.Authors), row["authors"]);
            Assert.Equal(e.PdfUrl ?? "", row["pdf_url"]);
            Assert.Equal(e.CodeUrl ?? "", row["code_url"]);
            Assert.Equal(e.TitleEn ?? "", row["title_en"]);
            Assert.Equal(e.Abstract ?? "", row["abstract"]);
            Assert.Equal(e.AbstractEn ?? "", row["abstract_en"]);
            Assert.Equal(e.Published ?? "", row["published"]);
            Assert.Equal(string.Join("; ", e.Flags), row["flags"]);
        }
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData(null, "")]
    public void A_field_is_quoted_only_when_it_must_be(string? value, string expected) =>
        Assert.Equal(expected, DayCsvExporter.Field(value));

    private static byte[] Export(DayExport day)
    {
        using var output = new MemoryStream();
        new DayCsvExporter().Write(day, output);
        return output.ToArray();
    }
}
